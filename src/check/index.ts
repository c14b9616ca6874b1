/**
 * The cross-checks over the whole issue, run by the parse after the structure reader and
 * the features: TOC vs body, 文号 and dates, repeated text, numbering, stray markup,
 * English words in Chinese text, rare name spellings, signs of damage. Each is linear (or
 * n log n) in the size of the issue. Adding a check: one module, one line here.
 */
import type { Anomaly } from '../model/anomaly.js';
import type { SourceLines } from '../read/lines.js';
import type { Structure } from '../core/structure.js';
import type { Records } from '../core/feature.js';
import type { CheckInput } from './common.js';
import { checkToc } from './toc.js';
import { checkNumbersAndDates } from './dates.js';
import { checkRepeats, checkReprints } from './repeat.js';
import { checkNumbering } from './numbering.js';
import { checkMarkup } from './markup.js';
import { checkNameVariants } from './variants.js';
import { checkEnglishWords } from './words.js';
import { checkDamage } from './damage.js';
// consistency within the issue (issue 18, helper `consistency`)
import { checkHalfWidthPunctuation, checkBrackets, checkDoubledPeriod, checkClosingFormula } from './punctuation.js';
import { checkDateForms, checkSeriesDates, checkSeriesGaps } from './series.js';
import { checkAttachmentTitles } from './attachment-titles.js';
// repair: text repaired on the way out (issue 18)
import { checkRepairs } from './repairs.js';
// editor's catalogue, group `names` helper
import { checkCitedNumbers } from './citations.js';
import { checkTraditional } from './traditional.js';

export type { CheckInput } from './common.js';

export interface Check {
  name: string;
  run(input: CheckInput): Anomaly[];
}

export const CHECKS: readonly Check[] = [
  { name: 'toc', run: checkToc },
  { name: 'numbers-and-dates', run: checkNumbersAndDates },
  { name: 'repeats', run: checkRepeats },
  { name: 'numbering', run: checkNumbering },
  { name: 'markup', run: checkMarkup },
  { name: 'english-words', run: checkEnglishWords },
  { name: 'name-variants', run: checkNameVariants },
  { name: 'damage', run: checkDamage },
  // consistency within the issue (issue 18, helper `consistency`)
  { name: 'half-width-punctuation', run: checkHalfWidthPunctuation },
  { name: 'brackets', run: checkBrackets },
  { name: 'doubled-period', run: checkDoubledPeriod },
  { name: 'closing-formula', run: checkClosingFormula },
  { name: 'date-forms', run: checkDateForms },
  { name: 'series-dates', run: checkSeriesDates },
  { name: 'series-gaps', run: checkSeriesGaps },
  { name: 'attachment-titles', run: checkAttachmentTitles },
  // repair: text repaired on the way out (issue 18)
  { name: 'repairs', run: checkRepairs },
  // editor's catalogue, group `names` helper
  { name: 'cited-numbers', run: checkCitedNumbers },
  { name: 'traditional-characters', run: checkTraditional },
  { name: 'reprints', run: checkReprints },
];

/** What every check reads, from the lines and the structure. */
export function checkInput(src: SourceLines, structure: Structure, records: Partial<Records> = {}): CheckInput {
  const { masthead, toc, sections, documents } = structure;
  const lines = src.lines;
  return { lines, masthead, toc, sections, documents, src, structure, records, text: () => lines.text };
}
