import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fcParams } from './fuzz-helpers.js';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { splitLines } from '../src/read/lines.js';
import { LineFinder } from '../src/model/lines.js';
import { PIPE_NEEDLE, scanTables, splitRow, parseDelimiter, startsOtherBlock } from '../src/features/tables/scan.js';
import { forceLineMode } from '../src/read/lines.js';

interface Node {
  type: string;
  children?: Node[];
  position?: { start: { line: number; offset?: number }; end: { offset?: number } };
}

/** Every table of remark-gfm's tree (at any depth), as rows of trimmed source ranges. */
function remarkTables(text: string): Array<{ line: number; rows: Array<{ line: number; cells: Array<[number, number]> }> }> {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text) as Node;
  const out: Array<{ line: number; rows: Array<{ line: number; cells: Array<[number, number]> }> }> = [];
  const ws = (c: string | undefined) => c === ' ' || c === '\t';
  const visit = (n: Node) => {
    if (n.type === 'table') {
      out.push({
        line: n.position!.start.line,
        rows: n.children!.map((r) => ({
          line: r.position!.start.line,
          // remark's cell range runs from its opening pipe to the next pipe (the last
          // cell includes the closing pipe): trim to the content, compare offsets.
          cells: r.children!.map((c) => {
            let s = c.position!.start.offset!;
            let e = c.position!.end.offset!;
            if (text[s] === '|') s++;
            while (s < e && ws(text[s])) s++;
            while (e > s && ws(text[e - 1])) e--;
            if (e > s && text[e - 1] === '|') {
              let b = 0;
              while (text[e - 2 - b] === '\\') b++;
              if (b % 2 === 0) e--;
            }
            while (e > s && ws(text[e - 1])) e--;
            return [s, e] as [number, number];
          }),
        })),
      });
      return;
    }
    for (const ch of n.children ?? []) visit(ch);
  };
  visit(tree);
  return out;
}

const remarkMemo = new Map<string, ReturnType<typeof remarkTables>>();
/** remarkTables of a file's text, parsed once (two tests compare the sample's). */
function remarkTablesOnce(text: string): ReturnType<typeof remarkTables> {
  if (!remarkMemo.has(text)) remarkMemo.set(text, remarkTables(text));
  return remarkMemo.get(text)!;
}

/** The sample and every text fixture (any folder under tests/fixtures) that holds a pipe row. */
function files(): string[] {
  const out = ['samples/changning-2023-02.txt'];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      // tests/fixtures/readers/ holds the sample in other forms (pipe rows without |---|: no GFM table at all).
      if (e.isDirectory()) {
        if (e.name !== 'readers') walk(p);
      } else if ((p.endsWith('.md') || p.endsWith('.txt')) && /^\s*\|/m.test(readFileSync(p, 'utf8'))) out.push(p);
    }
  };
  walk('tests/fixtures');
  return out;
}

describe('differential: scanner vs unified + remark-parse + remark-gfm', () => {
  for (const file of files()) {
    it(`${file}: every fragment has remark-gfm's cells, compared by source offsets`, () => {
      const src = splitLines(readFileSync(file, 'utf8'));
      const ours = scanTables(src);
      const theirs = remarkTablesOnce(src.text);
      expect(ours.map((f) => f.startLine)).toEqual(theirs.map((t) => t.line));
      expect(ours.length).toBeGreaterThan(0);
      let cells = 0;
      for (let k = 0; k < ours.length; k++) {
        const f = ours[k]!;
        const ourRows = [f.header, ...f.rows].map((r) => ({
          line: r.line,
          cells: r.cells.map((c) => {
            // a cell's text is exactly the source slice at its offset
            expect(src.text.slice(c.offset, c.offset + c.text.length)).toBe(c.text);
            expect(src.lines.get(c.line - 1)!.slice(c.column - 1, c.column - 1 + c.text.length)).toBe(c.text);
            cells++;
            return [c.offset, c.offset + c.text.length] as [number, number];
          }),
        }));
        let theirRows = theirs[k]!.rows;
        // Documented difference: GFM continues a table with any non-blank line; gongbao
        // ends it at a line without an unescaped pipe. Those lines are the only extra rows.
        if (theirRows.length > ourRows.length) {
          const extra = theirRows.slice(ourRows.length);
          for (const r of extra) expect(splitRow(src.lines.get(r.line - 1)!, r.line, 0)).toBeNull();
          theirRows = theirRows.slice(0, ourRows.length);
        }
        // empty cells: compare emptiness and line only (their empty range sits at the pipe)
        const norm = (rows: typeof ourRows) =>
          rows.map((r) => ({ line: r.line, cells: r.cells.map(([s, e]) => (s === e ? 'empty' : `${s}-${e}`)) }));
        expect(norm(ourRows), `fragment at line ${f.startLine}`).toEqual(norm(theirRows));
      }
      expect(cells).toBeGreaterThan(0);
    });
  }

  it('the sample has exactly the GFM fragments remark-gfm finds, with no extra rows', () => {
    const src = splitLines(readFileSync('samples/changning-2023-02.txt', 'utf8'));
    const ours = scanTables(src);
    const theirs = remarkTablesOnce(src.text);
    expect(ours.length).toBe(45);
    expect(ours.map((f) => f.rows.length + 1)).toEqual(theirs.map((t) => t.rows.length));
  });
});

describe('differential on generated tables', () => {
  // Cells of every kind the scanner must split like GFM: CJK, spaces, tabs, escaped pipes,
  // escaped backslashes, LaTeX, ** markers, HTML, empty.
  // Also text that starts another Markdown block when it begins a row (list item, quote,
  // heading, HTML block, fence), and indentation up to an indented code line.
  const cell = fc.constantFrom(
    '',
    ' ',
    '甲',
    '王 峰',
    'a b',
    '\\|',
    'x \\| y',
    '\\\\',
    '$\\geq 80\\%$',
    '**粗**',
    '<p>段</p>',
    '-9214.837',
    '\t',
    '`c`',
    '1',
    '- a',
    '> q',
    '# h',
    '1. x',
    '<div>',
    '<span>s</span>',
    '***',
    '    ',
    '```',
  );
  const row = (n: number) =>
    fc
      .tuple(
        fc.array(cell, { minLength: 0, maxLength: n + 2 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('', ' ', '  ', '   ', '    ', '\t'),
      )
      .map(([cells, lead, trail, pad]) => {
        const body = cells.join('|');
        const line = `${pad}${lead ? '|' : ''}${body}${trail ? '|' : ''}`;
        return line.trim() === '' || !line.includes('|') ? `| ${body} |` : line;
      });
  it('the scanner gives remark-gfm’s cells for random pipe tables', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 5 }),
        fc.gen(),
        (width, sizes, g) => {
          const header = `| ${Array.from({ length: width }, (_, i) => `h${i}`).join(' | ')} |`;
          const delim = `|${Array.from({ length: width }, () => '---').join('|')}|`;
          const body = sizes.map((n) => g(() => row(n)));
          const text = ['前文', '', header, delim, ...body, '', '后文', ''].join('\n');
          const src = splitLines(text);
          const ours = scanTables(src);
          const theirs = remarkTables(src.text);
          expect(ours.map((f) => f.startLine)).toEqual(theirs.map((t) => t.line));
          for (let k = 0; k < ours.length; k++) {
            const mine = [ours[k]!.header, ...ours[k]!.rows].map((r) =>
              r.cells.map((c) => (c.text === '' ? 'empty' : `${c.offset}-${c.offset + c.text.length}`)),
            );
            const ref = theirs[k]!.rows.slice(0, mine.length).map((r) => r.cells.map(([a, b]) => (a === b ? 'empty' : `${a}-${b}`)));
            expect(mine, text).toEqual(ref);
          }
        },
      ),
      // stop at the first counterexample: shrinking generated rows can take very long
      { ...fcParams(400), endOnFailure: true },
    );
  });
});

describe('splitRow', () => {
  it('splits on unescaped pipes, trims, keeps escapes in the raw text', () => {
    const r = splitRow('| a | b \\| c |  ', 7, 100)!;
    expect(r.cells.map((c) => c.text)).toEqual(['a', 'b \\| c']);
    expect(r.cells[0]).toEqual({ text: 'a', line: 7, column: 3, offset: 102 });
  });
  it('rows without outer pipes, empty cells, a lone pipe', () => {
    expect(splitRow('a|b', 1, 0)!.cells.map((c) => c.text)).toEqual(['a', 'b']);
    expect(splitRow('| | |', 1, 0)!.cells.map((c) => c.text)).toEqual(['', '']);
    expect(splitRow('|', 1, 0)!.cells.map((c) => c.text)).toEqual(['']);
    expect(splitRow('||', 1, 0)!.cells.map((c) => c.text)).toEqual(['']);
    expect(splitRow('no pipe here', 1, 0)).toBeNull();
    expect(splitRow('escaped \\| only', 1, 0)).toBeNull();
  });
  it('an escaped backslash does not escape the pipe after it', () => {
    expect(splitRow('| a \\\\| b |', 1, 0)!.cells.map((c) => c.text)).toEqual(['a \\\\', 'b']);
  });
  it('columns count UTF-16 code units', () => {
    const r = splitRow('| 𠀀 | 名 |', 1, 0)!;
    expect(r.cells.map((c) => c.column)).toEqual([3, 8]);
  });
});

describe('the pipe finder of the scanners', () => {
  it('finds the next line holding a pipe by native search of the text, in both line modes', () => {
    const text = 'prose\n\nno pipe\n| a | b |\n|---|---|\n文字\nx \\| y\n\n末行';
    for (const keep of [true, false]) {
      forceLineMode(keep);
      const { lines } = splitLines(text);
      forceLineMode(undefined);
      // every start line answers the first line at or after it that holds a `|` (escaped or not)
      const want = [3, 3, 3, 3, 4, 6, 6, 9, 9];
      const pipes = new LineFinder(lines, PIPE_NEEDLE);
      expect([...Array(lines.length).keys()].map((i) => pipes.next(i))).toEqual(want);
      // asked again behind its kept place, and past the end
      expect([...Array(lines.length).keys()].reverse().map((i) => pipes.next(i))).toEqual([...want].reverse());
      expect(pipes.next(9)).toBe(9);
      expect(pipes.next(50)).toBe(9);
    }
  });
  it('scanTables finds the same fragments however the lines are kept', () => {
    const text = readFileSync('samples/changning-2023-02.txt', 'utf8');
    const frags = (keep: boolean) => {
      forceLineMode(keep);
      const src = splitLines(text);
      forceLineMode(undefined);
      return scanTables(src).map((f) => [f.startLine, f.endLine, f.rows.length]);
    };
    expect(frags(true)).toEqual(frags(false));
    expect(frags(true).length).toBeGreaterThan(20);
  });
});

describe('startsOtherBlock', () => {
  it('knows the blocks that end a GFM table', () => {
    for (const s of [
      '> q | x',
      '# h | x',
      '``` | x',
      '~~~ | x',
      '- a | x',
      '+ a',
      '* a',
      '1. a',
      '2) a',
      '<p>a</p> | x',
      '</div>',
      '<hr>',
      '<!-- c -->',
      '<script>',
      '    | x |',
      '\t| x |',
    ]) {
      expect(startsOtherBlock(s), s).toBe(true);
    }
  });
  it('leaves rows alone', () => {
    for (const s of [
      '| x |',
      '   | x |',
      '#h | x',
      '*** | x',
      '-a | x',
      '1.| x',
      '<span>a</span> | x',
      '<br> | x',
      '<custom> | x',
      'a | b',
      '',
    ]) {
      expect(startsOtherBlock(s), s).toBe(false);
    }
  });
});

describe('parseDelimiter', () => {
  it('reads alignments', () => {
    expect(parseDelimiter('|:---|:--:|---:|---|')).toEqual(['left', 'center', 'right', null]);
    expect(parseDelimiter(':-: | --:')).toEqual(['center', 'right']);
  });
  it('refuses non-delimiters', () => {
    expect(parseDelimiter('---')).toBeNull();
    expect(parseDelimiter('| a |')).toBeNull();
    expect(parseDelimiter('|--|x|')).toBeNull();
    expect(parseDelimiter('')).toBeNull();
  });
});
