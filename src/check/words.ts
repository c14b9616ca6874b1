import type { Anomaly } from '../model/anomaly.js';
import { anomaly } from '../model/catalogue.js';
import { isTableRow } from '../core/patterns.js';
import { documentOfLine, type CheckInput, type DocumentOf } from './common.js';
import { eachLineWith } from '../model/lines.js';

/**
 * English function words between Chinese characters (精神 and 考察): what a conversion
 * or a machine translation leaves where 和, 或, 的 … stood. Abbreviations (APP, ICU, REITs)
 * are not function words and are left alone. Outside tables; one anomaly per line.
 */
const WORD = /[\u4e00-\u9fff][ \u3000]*\b(and|or|of|the|in|to|with|for|by|on|at|from|is|are|as)\b[ \u3000]*(?=[\u4e00-\u9fff])/;

/** A lower-case Latin letter: every word looked for is in them (a line without one is not searched). */
const LOWER = /[a-z]/g;

export function checkEnglishWords(input: CheckInput): Anomaly[] {
  const { lines } = input;
  const out: Anomaly[] = [];
  let docOf: DocumentOf | null = null;
  eachLineWith(lines, LOWER, (ln, line) => {
    if (line.length < 3 || isTableRow(line)) return;
    const m = WORD.exec(line);
    if (!m) return;
    docOf ??= documentOfLine(input.documents, lines.length);
    const documentId = docOf.get(ln);
    out.push(
      anomaly('ENGLISH_WORD', {
        message: `the English word “${m[1]}” stands in Chinese text`,
        line: ln,
        column: m.index + m[0].indexOf(m[1]!) + 1,
        evidence: line,
        ...(documentId !== undefined ? { documentId } : {}),
      }),
    );
  });
  return out;
}
