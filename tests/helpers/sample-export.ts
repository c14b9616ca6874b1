import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gongbaoIn } from './cli.js';
import { tree } from './tree.js';

let made: Promise<{ dir: string; files: Map<string, Buffer> }> | null = null;

/**
 * The export folder of the sample as `gongbao export samples/changning-2023-02.txt --out DIR
 * -q` writes it from the project folder, made once per test worker (in this process) and
 * shared by the files that compare another export with it (signals, a full disk, a second
 * run): each made its own, ~0.5 s of CPU each. The folder is left in the temporary folder;
 * nobody may write into it.
 */
export function sampleExport(): Promise<{ dir: string; files: Map<string, Buffer> }> {
  made ??= (async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gongbao-sample-export-')), 'out');
    const r = await gongbaoIn(['export', 'samples/changning-2023-02.txt', '--out', dir, '-q']);
    if (r.code !== 0) throw new Error(`the export of the sample failed (exit ${r.code}): ${r.stderr}`);
    return { dir, files: tree(dir) };
  })();
  return made;
}
