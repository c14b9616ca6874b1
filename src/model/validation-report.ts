import { z } from 'zod';
import { Anomaly } from './anomaly.js';

const Counts = z.object({ error: z.number().int().min(0), warning: z.number().int().min(0), info: z.number().int().min(0) });
const RuleLevel = z.enum(['off', 'info', 'warning', 'error']);

/**
 * The `gongbao validate --format json` report: every file's anomalies (after rule levels
 * and baseline) with counts. `--baseline` reads it back. The TypeScript writer is
 * src/write/validate-report.ts; a test checks its output against this schema.
 */
export const ValidationReport = z
  .object({
    tool: z.literal('gongbao'),
    version: z.string(),
    failOn: z.enum(['error', 'warning', 'info', 'never']).describe('Severity at or above which the run fails'),
    rules: z.record(z.string(), RuleLevel).describe('Rule levels that differ from the catalogue (--rule, .gongbaorc.json)'),
    exitCode: z
      .union([z.literal(0), z.literal(1), z.literal(2)])
      .describe('0 nothing at or above failOn, 1 something is, 2 a file could not be read'),
    counts: Counts.extend({
      total: z.number().int().min(0),
      files: z.number().int().min(0),
      unreadable: z.number().int().min(0),
      baselined: z.number().int().min(0).describe('Anomalies hidden because the baseline knows them'),
    }),
    files: z.array(
      z.object({
        file: z.string().describe("The path as given; '-' for standard input"),
        error: z.string().optional().describe('Why the file could not be read'),
        counts: Counts,
        baselined: z.number().int().min(1).optional(),
        anomalies: z.array(Anomaly),
      }),
    ),
  })
  .describe('Report of gongbao validate --format json');
export type ValidationReport = z.infer<typeof ValidationReport>;
