// Peer for `npm run bench`: parse a file with unified + remark-parse + remark-gfm, the
// way a Markdown-based converter would, and print the tree size.
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(process.argv[2], 'utf8'));
process.stdout.write(`${tree.children.length}\n`);
