/**
 * What the steps that build one logical table need to report an anomaly: the table's id,
 * its document and the source lines (for the evidence).
 */
import type { Anomaly } from '../../model/anomaly.js';
import { anomaly, type Code } from '../../model/catalogue.js';
import type { SourceLines } from '../../read/lines.js';

export interface TableContext {
  src: SourceLines;
  /** Table id, `${documentId}-t${n}` or `t${n}`. */
  id: string;
  documentId: string | undefined;
}

/** An anomaly of the table, with the source line as evidence. */
export function tableAnomaly(ctx: TableContext, code: Code, message: string, line: number, column = 1, endLine?: number): Anomaly {
  return anomaly(code, { message, line, column, endLine, documentId: ctx.documentId, evidence: ctx.src.lines.get(line - 1) ?? '' });
}
