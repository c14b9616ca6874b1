import { CATALOGUE, type Code } from '../model/catalogue.js';
import { fails, ruleLevel } from '../check/policy.js';
import { displayPath, type ValidationReport } from './validate-report.js';
import type { RuleLevel } from '../check/policy.js';

/** Text for XML: escapes markup and drops characters XML 1.0 cannot hold. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * JUnit XML: one test suite per file and one test case per rule of the catalogue. A case
 * fails when the file has anomalies of that rule at or above --fail-on; anomalies below it
 * are listed in the case's system-out; rules turned off are skipped. An unreadable file is
 * a suite with one erroring case.
 */
export function junitReport(r: ValidationReport): string {
  const codes = Object.keys(CATALOGUE) as Code[];
  const rules = new Map<string, RuleLevel>(Object.entries(r.rules));
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const f of r.files) {
    const name = xmlText(displayPath(f.file));
    if (f.error !== undefined) {
      tests++;
      errors++;
      suites.push(
        `  <testsuite name="${name}" tests="1" failures="0" errors="1" skipped="0">\n    <testcase classname="gongbao.input" name="readable">\n      <error message="${xmlText(f.error)}" type="InputError"/>\n    </testcase>\n  </testsuite>`,
      );
      continue;
    }
    const byCode = new Map<string, typeof f.anomalies>();
    for (const a of f.anomalies) {
      const list = byCode.get(a.code);
      if (list) list.push(a);
      else byCode.set(a.code, [a]);
    }
    // Codes not in the catalogue (should not happen) still get a case.
    const all = [...codes, ...[...byCode.keys()].filter((k) => !(k in CATALOGUE))] as string[];
    const cases: string[] = [];
    let sf = 0;
    let ss = 0;
    for (const code of all) {
      const rule = (CATALOGUE as Record<string, { group: string; description: string }>)[code];
      const classname = `gongbao.${rule?.group ?? 'other'}`;
      const level = code in CATALOGUE ? ruleLevel(code as Code, rules) : 'warning';
      const found = byCode.get(code) ?? [];
      const lines = found.map(
        (a) =>
          `${displayPath(f.file)}:${a.line}:${a.column}: ${a.severity}: ${a.message}${a.documentId !== undefined ? ` (${a.documentId})` : ''}${a.endLine !== undefined && a.endLine !== a.line ? ` [through line ${a.endLine}]` : ''}`,
      );
      let body = '';
      if (level === 'off') {
        ss++;
        body = `\n      <skipped message="rule turned off"/>\n    `;
      } else {
        const failing = found.filter((a) => fails(a.severity, r.failOn));
        if (failing.length) {
          sf++;
          body = `\n      <failure message="${xmlText(`${failing.length} × ${code}: ${rule?.description ?? ''}`)}" type="${xmlText(code)}">${xmlText(lines.join('\n'))}</failure>\n    `;
        } else if (found.length) {
          body = `\n      <system-out>${xmlText(lines.join('\n'))}</system-out>\n    `;
        }
      }
      cases.push(`    <testcase classname="${xmlText(classname)}" name="${xmlText(code)}">${body}</testcase>`);
    }
    tests += all.length;
    failures += sf;
    skipped += ss;
    suites.push(
      `  <testsuite name="${name}" tests="${all.length}" failures="${sf}" errors="0" skipped="${ss}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="gongbao validate" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">\n${suites.join('\n')}\n</testsuites>\n`;
}
