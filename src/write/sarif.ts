import { createHash } from 'node:crypto';
import type { Severity } from '../model/anomaly.js';
import { CATALOGUE, type Code } from '../model/catalogue.js';
import { baselineKey, ruleLevel } from '../check/policy.js';
import type { ValidationReport } from './validate-report.js';
import type { RuleLevel } from '../check/policy.js';
import { STDIN_LABEL, STDIN_NAME } from '../read/errors.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A relative or absolute path as a SARIF URI (forward slashes, percent-encoded); standard
 * input keeps its machine name `-` (STDIN_NAME), a valid relative URI reference (SARIF
 * §3.4.3 asks for one), its artifact described as standard input.
 */
export function pathToUri(file: string): string {
  if (file === STDIN_NAME) return STDIN_NAME;
  const p = file.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(p)) return 'file:///' + encodeURI(p);
  if (p.startsWith('/')) return 'file://' + encodeURI(p);
  return encodeURI(p);
}

/**
 * SARIF 2.1.0 (OASIS): one run, every catalogue rule as a reportingDescriptor (its level as
 * configured), one result per anomaly with its region (columns in UTF-16 code units), the
 * evidence as snippet, the document as logical location, and a partial fingerprint from
 * code, document and evidence so code-scanning services track it across edits. Unreadable
 * files become tool execution notifications.
 */
export function sarifReport(r: ValidationReport): string {
  const codes = Object.keys(CATALOGUE) as Code[];
  const ruleIndex = new Map(codes.map((c, i) => [c as string, i]));
  const rules = new Map<string, RuleLevel>(Object.entries(r.rules));
  const artifacts: { location: { uri: string }; description?: { text: string } }[] = [];
  const artifactIndex = new Map<string, number>();
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  for (const f of r.files) {
    const uri = pathToUri(f.file);
    if (!artifactIndex.has(uri)) {
      artifactIndex.set(uri, artifacts.length);
      artifacts.push({ location: { uri }, ...(f.file === STDIN_NAME ? { description: { text: `standard input (${STDIN_LABEL})` } } : {}) });
    }
    const index = artifactIndex.get(uri)!;
    if (f.error !== undefined) {
      notifications.push({
        level: 'error',
        message: { text: f.error },
        locations: [{ physicalLocation: { artifactLocation: { uri, index } } }],
      });
      continue;
    }
    for (const a of f.anomalies) {
      const region: Record<string, unknown> = { startLine: a.line, startColumn: a.column };
      if (a.endLine !== undefined) region.endLine = a.endLine;
      if (a.evidence !== '') region.snippet = { text: a.evidence };
      const result: Record<string, unknown> = {
        ruleId: a.code,
        level: LEVEL[a.severity],
        message: { text: a.message },
        locations: [
          {
            physicalLocation: { artifactLocation: { uri, index }, region },
            ...(a.documentId !== undefined ? { logicalLocations: [{ name: a.documentId, kind: 'module' }] } : {}),
          },
        ],
        partialFingerprints: { 'gongbaoAnomaly/v1': createHash('sha256').update(baselineKey(a)).digest('hex').slice(0, 32) },
      };
      const ri = ruleIndex.get(a.code);
      if (ri !== undefined) result.ruleIndex = ri;
      results.push(result);
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gongbao',
            version: r.version,
            rules: codes.map((code) => {
              const rule = CATALOGUE[code];
              const level = ruleLevel(code, rules);
              return {
                id: code,
                name: code
                  .toLowerCase()
                  .replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase())
                  .replace(/^./, (ch) => ch.toUpperCase()),
                shortDescription: { text: rule.description },
                help: { text: rule.hint },
                defaultConfiguration: level === 'off' ? { enabled: false, level: LEVEL[rule.severity] } : { level: LEVEL[level] },
                properties: { group: rule.group, tags: ['gazette', rule.group] },
              };
            }),
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        artifacts,
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
