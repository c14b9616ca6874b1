import { z } from 'zod';
import { Line } from './line.js';
import { SLUICE_CHECK_TEXT, type SluiceCheckName } from './sluice-checks.js';

/**
 * Sluices (泵闸, 水闸, 涵闸 …) and their management and protection ranges: one record per
 * sluice from the summary table (划定情况表) joined with its boundary section (`(n) 名称`
 * with a table of boundary stakes 界址点), and one record per stake. Coordinates are plane
 * coordinates in metres as printed (Shanghai city-construction system: X north, Y east).
 */

const Metres = z.number().nullable();

export const Bank = z.enum(['left', 'right']).describe('左岸 (left bank) or 右岸 (right bank)');
export type Bank = z.infer<typeof Bank>;

export const BankMeasures = z
  .object({
    shorelineLength: Metres.describe('岸线长度 (m)'),
    landArea: Metres.describe('陆域面积 (m²)'),
  })
  .describe('The figures of one bank in the summary table; null where the table has none');
export type BankMeasures = z.infer<typeof BankMeasures>;

export const CheckStatus = z
  .enum(['ok', 'fail', 'skipped'])
  .describe('ok: the check passed; fail: it raised an anomaly; skipped: not enough data to check');
export type CheckStatus = z.infer<typeof CheckStatus>;

export const SluiceRing = z
  .object({
    fromSeq: z.number().int().describe('序号 of the first stake of the ring'),
    toSeq: z.number().int().describe('序号 of the last stake of the ring (closed back to the first)'),
    points: z.number().int().min(0),
    area: z.number().describe('Shoelace area in m², rounded to 0.01'),
    perimeter: z.number().describe('Perimeter in m including the closing edge, rounded to 0.01'),
    selfIntersections: z.number().int().min(0).describe('Pairs of non-adjacent edges that cross'),
    pointRefs: z
      .array(z.number().int().min(0))
      .describe(
        'The stakes of the ring in boundary order, as 0-based indexes into issue.points; the ring closes from the last ' +
          'back to the first. For a `lines` boundary: the left-bank line in order, then the right-bank line reversed ' +
          '(whichever bank comes first in the table first). Indexes rather than 序号, which can be missing or repeated',
      ),
  })
  .describe('One closed ring of stakes: a run of consecutive stakes, closed from the last back to the first');
export type SluiceRing = z.infer<typeof SluiceRing>;

export const SluiceGeometry = z
  .object({
    boundary: z
      .enum(['ring', 'lines', 'none'])
      .describe(
        'How the stakes form the boundary. ring: the stakes in order, closed from the last to the first, ' +
          'are the boundary polygon (split into several rings where the sequence jumps far away and back); ' +
          'lines: the stakes are two bank lines in the same direction (all 左岸, then all 右岸) and the polygon ' +
          'is the left line followed by the right line reversed; none: fewer than 3 usable stakes',
      ),
    rings: z.array(SluiceRing),
    excludedSeqs: z
      .array(z.number().int())
      .describe('序号 of stakes left out of the polygon: isolated points that the sequence jumps to and back from'),
    area: Metres.describe('Sum of the ring areas (m²)'),
    perimeter: Metres.describe('Sum of the ring perimeters (m)'),
    selfIntersections: z.number().int().min(0),
    areaRatio: z.number().nullable().describe('Computed area ÷ stated total area (总面积)'),
    perimeterRatio: z.number().nullable().describe('Computed perimeter ÷ stated boundary line length (界址线长)'),
  })
  .describe('Geometry computed from the stakes');
export type SluiceGeometry = z.infer<typeof SluiceGeometry>;

const checkStatus = (name: SluiceCheckName) => CheckStatus.describe(SLUICE_CHECK_TEXT[name]);

export const SluiceChecks = z
  .object({
    join: checkStatus('join'),
    name: checkStatus('name'),
    order: checkStatus('order'),
    stakes: checkStatus('stakes'),
    duplicates: checkStatus('duplicates'),
    outliers: checkStatus('outliers'),
    shorelineSum: checkStatus('shorelineSum'),
    areaSum: checkStatus('areaSum'),
    area: checkStatus('area'),
    boundaryLength: checkStatus('boundaryLength'),
    selfIntersections: checkStatus('selfIntersections'),
  })
  .describe('Results of the checks for this sluice (the anomalies say more)');
export type SluiceChecks = z.infer<typeof SluiceChecks>;

export const SluiceSection = z
  .object({
    number: z.number().int().nullable().describe('n of the `(n) 名称` heading'),
    name: z.string().describe('Name in the heading, cleaned'),
    nameRaw: z.string().describe('The heading line as written'),
    line: Line.describe('Line of the heading'),
    startLine: Line.describe('First line of the stake table'),
    endLine: Line.describe('Last line of the stake table (continuations included)'),
  })
  .describe('A boundary section: a heading with its table of stakes');
export type SluiceSection = z.infer<typeof SluiceSection>;

export const Sluice = z
  .object({
    index: z.number().int().nullable().describe('序号 in the summary table'),
    name: z.string().describe('Name in the summary table (the section heading when there is no summary row)'),
    grade: z.string().nullable().describe('等级, e.g. 区管'),
    banks: z.object({ left: BankMeasures, right: BankMeasures }),
    totalShorelineLength: Metres.describe('岸线总长度 (m)'),
    boundaryLength: Metres.describe('界址线长 (m)'),
    waterArea: Metres.describe('水域面积 (m²)'),
    totalArea: Metres.describe('总面积 (m²)'),
    note: z.string().nullable().describe('备注'),
    line: Line.describe('Line of the summary row, or of the section heading when there is no summary row'),
    summaryLine: Line.nullable().describe('Line of the summary row; null when the sluice only has a section'),
    documentId: z.string().nullable(),
    section: SluiceSection.nullable().describe('The boundary section joined to this row by name'),
    pointCount: z.number().int().min(0).describe('Stakes in the section'),
    geometry: SluiceGeometry,
    checks: SluiceChecks,
    anomalies: z.array(z.string()).describe('Codes of the anomalies raised about this sluice'),
  })
  .describe('One sluice: summary row, boundary section and computed geometry');
export type Sluice = z.infer<typeof Sluice>;

export const SluicePoint = z
  .object({
    sluice: z.string().describe('Name of the sluice (as in the summary table when joined)'),
    sluiceIndex: z.number().int().nullable().describe('序号 of the sluice in the summary table'),
    section: z.number().int().nullable().describe('n of the `(n) 名称` section heading'),
    sectionName: z.string().describe('Name in the section heading'),
    seq: z.number().int().nullable().describe('序号 of the stake in its table'),
    bank: Bank.nullable(),
    bankRaw: z.string().nullable().describe('岸别 as written'),
    stake: z.string().describe('桩号 as written, e.g. JZD1'),
    stakeNumber: z.number().int().nullable().describe('The number in the stake name (JZD12 → 12)'),
    y: Metres.describe('Y (east) in metres, as printed'),
    x: Metres.describe('X (north) in metres, as printed'),
    note: z.string().nullable().describe('备注'),
    line: Line,
    documentId: z.string().nullable(),
    sluiceRef: z
      .number()
      .int()
      .min(0)
      .describe('The sluice this stake belongs to: its 0-based index in issue.sluices (names and 序号 can repeat or be missing)'),
  })
  .describe('One boundary stake (界址点) of a sluice');
export type SluicePoint = z.infer<typeof SluicePoint>;
