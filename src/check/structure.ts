import type { Anomaly } from '../model/anomaly.js';
import type { CheckInput } from './common.js';
import { checkToc } from './toc.js';
import { checkNumbersAndDates } from './dates.js';
import { checkRepeats } from './repeat.js';
import { checkNumbering } from './numbering.js';
import { checkMarkup } from './markup.js';
import { checkNameVariants } from './variants.js';
import { checkEnglishWords } from './words.js';

export type { CheckInput } from './common.js';

/**
 * The generic structure checks, run by parseIssue after the structure reader: TOC vs body,
 * 文号 and dates, repeated text, numbering, stray markup, English words in Chinese text and
 * rare name spellings. Each check is linear (or n log n) in the size of the issue.
 */
export function checkStructure(input: CheckInput): Anomaly[] {
  return [
    ...checkToc(input),
    ...checkNumbersAndDates(input),
    ...checkRepeats(input),
    ...checkNumbering(input),
    ...checkMarkup(input),
    ...checkEnglishWords(input),
    ...checkNameVariants(input),
  ];
}
