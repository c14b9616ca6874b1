// The documented LibreOffice command (docs/output.md; the README gives the same filter
// options) reads the CSVs as UTF-8 (issue 17: the default import showed mojibake). Converted
// headless with those filter options and read back, the Chinese text is intact. Fails, never
// skips, when LibreOffice is missing (.ci/run installs it).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DOC = readFileSync('docs/output.md', 'utf8');
const README = readFileSync('README.md', 'utf8');
const SOFFICE = ['soffice', 'libreoffice'].find((b) => spawnSync(b, ['--version']).status === 0);

describe('LibreOffice reads the CSVs as the docs say', () => {
  it('soffice --infilter="CSV:44,34,76,1" keeps every title of documents.csv', () => {
    expect(SOFFICE, 'LibreOffice is missing: apt-get install -y libreoffice-calc-nogui').toBeDefined();
    const line = DOC.split('\n').find((l) => l.startsWith('soffice --headless --infilter='))!;
    expect(line).toBeDefined();
    const filter = /--infilter="([^"]+)"/.exec(line)![1]!;
    // the README names the same filter options
    expect(README).toContain(`--infilter="${filter}"`);
    const dir = mkdtempSync(join(tmpdir(), 'gb-lo-'));
    const out = join(dir, 'out');
    const e = spawnSync(process.execPath, ['bin/gongbao', 'export', 'samples/changning-2023-02.txt', '--out', out, '-q'], {
      encoding: 'utf8',
    });
    expect(e.status, e.stderr).toBe(0);
    // read with the README's options, written back as UTF-8 CSV (filter token 76 again)
    const r = spawnSync(
      SOFFICE!,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        `--infilter=${filter}`,
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1',
        '--outdir',
        join(dir, 'lo'),
        join(out, 'documents.csv'),
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const back = join(dir, 'lo', 'documents.csv');
    expect(existsSync(back)).toBe(true);
    const text = readFileSync(back, 'utf8');
    const issue = JSON.parse(readFileSync(join(out, 'issue.json'), 'utf8'));
    for (const d of issue.documents) expect(text, d.id).toContain(d.title);
    expect(text).not.toMatch(/\ufffd|ä¸|å/);
  });
});
