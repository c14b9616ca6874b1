import { z } from 'zod';

/** Severity of an anomaly, from most to least serious. */
export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/**
 * One irregularity found in an issue. Lines and columns are 1-based and refer to the
 * original file; a column counts UTF-16 code units (SARIF `utf16CodeUnits`).
 */
export const Anomaly = z
  .object({
    code: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/)
      .describe('Stable SHOUTING_SNAKE code from the catalogue'),
    severity: Severity,
    message: z.string(),
    line: z.number().int().min(1),
    column: z.number().int().min(1),
    endLine: z.number().int().min(1).optional(),
    documentId: z.string().optional(),
    evidence: z
      .string()
      .describe(
        'The source text the anomaly is about (usually the whole line); a text longer than 1 000 characters is cut to an excerpt of about 1 000 around the column, with … where it was cut',
      ),
    evidenceStart: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        'Only when the evidence was cut: where the excerpt starts in the whole text (UTF-16 code units from its start, after the … mark)',
      ),
    evidenceLength: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Only when the evidence was cut: the length of the whole text (UTF-16 code units)'),
    hint: z.string(),
  })
  .describe('An irregularity found in the text, with the line it is on');
export type Anomaly = z.infer<typeof Anomaly>;
