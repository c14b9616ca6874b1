import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe("the library: import { parseIssue, exportIssue } from 'gongbao'", () => {
  it('works from the package name, as a user program would', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gb-lib-'));
    const program = `
      import { readFileSync } from 'node:fs';
      import { parseIssue, exportIssue, validateIssue, InputError, CATALOGUE } from 'gongbao';
      const text = readFileSync('samples/changning-2023-02.txt');
      const issue = parseIssue(text, { name: 'sample' });
      const { files } = await exportIssue(text, ${JSON.stringify(join(dir, 'out'))});
      let refused = null;
      try { await exportIssue(text, ${JSON.stringify(join(dir, 'out'))}); } catch (e) { refused = e.message; }
      let input = null;
      try { parseIssue(new Uint8Array(0)); } catch (e) { input = e instanceof InputError; }
      const v = validateIssue(issue);
      const quiet = validateIssue(text, { rules: Object.fromEntries(v.anomalies.filter((a) => a.severity === 'error').map((a) => [a.code, 'warning'])) });
      const none = validateIssue(issue, { failOn: 'info', baseline: { anomalies: issue.anomalies } });
      let badRule = null;
      try { validateIssue(issue, { rules: { NO_SUCH_RULE: 'off' } }); } catch (e) { badRule = e.message; }
      console.log(JSON.stringify({ documents: issue.documents.length, files: files.length, refused, input, codes: Object.keys(CATALOGUE).length,
        v: [v.status, v.counts.error, v.anomalies.length === issue.anomalies.length], quiet: [quiet.status, quiet.counts.error], none: [none.status, none.anomalies.length], badRule }));`;
    writeFileSync(join(dir, 'program.mjs'), program);
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.documents).toBe(22);
    expect(out.files).toBe(readdirSync(join(dir, 'out'), { recursive: true }).filter((f) => String(f).includes('.')).length);
    expect(out.refused).toMatch(/not empty/);
    expect(out.input).toBe(true);
    expect(out.codes).toBeGreaterThan(20);
    expect(out.v[0]).toBe(out.v[1] > 0 ? 1 : 0);
    expect(out.v[2]).toBe(true);
    expect(out.quiet).toEqual([0, 0]);
    expect(out.none).toEqual([0, 0]);
    expect(out.badRule).toMatch(/NO_SUCH_RULE/);
  });
});
