/**
 * The contract of a record family (a feature: tables, people, sluices …). Each lives in one
 * folder of src/features/ and exports one `Feature` value; src/features/index.ts lists them,
 * and everything that needs "every record family" derives from that list: the parse
 * (src/parse.ts), the export folder (src/write/export.ts), `gongbao extract KIND`
 * (src/cli/extract.ts), the schemas (src/model/registry.ts via `schemas`) and the stage
 * profiler (scripts/stages.ts).
 */
import type { CsvTable, ExportOptions, FeatureFile } from '../model/export.js';
import type { Issue } from '../model/issue.js';
import type { Result } from '../model/result.js';
import type { SourceLines } from '../read/lines.js';
import type { Block } from '../read/reading.js';
import type { Structure } from './structure.js';

/**
 * The record lists of an Issue that features fill, in the order of the Issue's fields
 * (model/issue.ts): a new record family adds its list here and to the Issue.
 */
export const RECORD_KEYS = ['tables', 'appointments', 'rosters', 'sluices', 'points', 'parcels', 'parcelPoints'] as const;
export type RecordKey = (typeof RECORD_KEYS)[number];
export type Records = Pick<Issue, RecordKey>;

/** Empty record lists, in the order of the Issue's fields. */
export function emptyRecords(): Records {
  const r = {} as Record<RecordKey, unknown[]>;
  for (const k of RECORD_KEYS) r[k] = [];
  return r as Records;
}

/**
 * What a stage reads: the lines of the text, the issue's structure, and the records of the
 * features that ran before it (a feature lists those it reads in `uses`).
 */
export interface Context {
  src: SourceLines;
  structure: Structure;
  records: Partial<Records>;
  /**
   * What the input reader already read (src/read/readers.ts): HTML tables of converter
   * Markdown, whose lines are blank in `src`. Absent or empty for plain text.
   */
  blocks?: readonly Block[];
}

/** A kind of record that `gongbao extract KIND FILE` prints. */
export interface ExtractKind<R = any> {
  name: string;
  description: string;
  records(issue: Issue): readonly R[];
  /** The flat table of `--format csv`; absent when the kind has its own CSV output. */
  csv?: CsvTable<any>;
  /** The records of `csv`, when they are not `records(issue)` (rows made from larger records). */
  csvRecords?(issue: Issue): Iterable<unknown>;
}

export interface Feature<K extends RecordKey = RecordKey> {
  /** Short name: the stage's name in profiles and messages. */
  name: string;
  /** The record lists this feature fills. */
  provides: readonly K[];
  /** The record lists of other features it reads from `ctx.records` (they run first). */
  uses: readonly RecordKey[];
  /** Extracts the records, with every anomaly noticed on the way and by its own checks. */
  extract(ctx: Context): Result<Pick<Records, K>>;
  /** Files of the export folder, in order: ready data, or CSV tables for the writer to render. */
  files(issue: Issue, opts: ExportOptions): Promise<FeatureFile[]>;
  /** `gongbao extract` kinds. */
  kinds: readonly ExtractKind[];
  /**
   * Zod schemas of the records, by the name `gongbao schema NAME` takes. A thunk: zod
   * stays off the parse path (it costs ~50 ms to load).
   */
  schemas(): Promise<Record<string, unknown>>;
}

/** A feature of any record lists: the type of the list in src/features/index.ts. */
export type AnyFeature = Feature<any>;
