import { termSafe } from './terminal.js';
import type { Severity } from '../model/anomaly.js';
import { severityCounts } from '../check/policy.js';
import { displayPath, reportCounts, type ValidationReport } from './validate-report.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes the data of a workflow command (GitHub's toolkit: % \r \n). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (also : and ,). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=CODE::message`, one
 * per anomaly (info → notice), so that the run shows them as annotations on the file.
 */
export function githubReport(r: ValidationReport): string {
  const out: string[] = [];
  for (const f of r.files) {
    const file = escapeProperty(displayPath(f.file));
    if (f.error !== undefined) {
      out.push(`::error file=${file},title=${escapeProperty('gongbao: unreadable input')}::${escapeData(f.error)}`);
      continue;
    }
    for (const a of f.anomalies) {
      const props = [`file=${file}`, `line=${a.line}`, `col=${a.column}`];
      if (a.endLine !== undefined) props.push(`endLine=${a.endLine}`);
      props.push(`title=${escapeProperty(a.code)}`);
      const doc = a.documentId !== undefined ? ` (${a.documentId})` : '';
      out.push(`::${COMMAND[a.severity]} ${props.join(',')}::${escapeData(`${a.message}${doc}. ${a.hint}`)}`);
    }
  }
  const n = reportCounts(r);
  out.push(`gongbao: ${n.total} anomalies (${severityCounts(n)}) in ${n.files} file${n.files === 1 ? '' : 's'}`);
  // The log viewer of a CI system is a terminal too: no control character from the input reaches it.
  return termSafe(out.join('\n') + '\n', true);
}
