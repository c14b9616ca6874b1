import type { Issue } from '../model/issue.js';
import type { ExportFile, ExportOptions } from '../model/export.js';
import { append } from '../model/result.js';
import type { AnyFeature } from '../core/feature.js';
import { CITATIONS_CSV, DOCUMENTS_CSV, TOC_CSV } from '../core/csv.js';
import { FEATURES } from '../features/index.js';
import { assertConforms } from '../model/conform.js';
import { dataPackage } from './datapackage.js';
import { documentsMarkdown, matterMarkdown } from './markdown.js';
import { reportFiles } from './report.js';
import { renderFiles } from './csv.js';
import { jsonOf } from './json-stream.js';
export { WHOLE_JSON_BYTES } from './json-stream.js';
import { pieces } from './pieces.js';

export { fileText, pieces } from './pieces.js';
export type { ExportFile, ExportOptions } from '../model/export.js';

/** A producer turns the issue into some of the export's files. */
export type Producer = (issue: Issue, opts: ExportOptions) => Promise<ExportFile[]>;

const json = (v: unknown): string => JSON.stringify(v, null, 2) + '\n';

/** Pretty JSON (2 spaces, a final newline) of a record of `issue`, made when it is written: the text of `json(v)`. */
const jsonFile = (issue: Issue, v: unknown): Iterable<string> =>
  pieces(function* () {
    yield* jsonOf(v, true, issue.source.bytes);
    yield '\n';
  });

/** issue.json, anomalies.json and the structure's CSVs: documents.csv, toc.csv, citations.csv. */
const core: Producer = async (issue, opts) =>
  renderFiles(
    [
      { path: 'issue.json', data: jsonFile(issue, issue) },
      { path: 'anomalies.json', data: jsonFile(issue, issue.anomalies) },
      { table: DOCUMENTS_CSV, records: issue.documents },
      { table: TOC_CSV, records: issue.toc },
      { table: CITATIONS_CSV, records: issue.citations },
    ],
    opts,
  );

/** docs/NN-<slug>.md: each document as Markdown; docs/matter.md: the lines no record holds (both need the text's lines). */
const markdown: Producer = async (issue, opts) =>
  opts.lines ? [...(await documentsMarkdown(issue, opts.lines)), ...(await matterMarkdown(issue, opts.lines))] : [];

/** A feature's files, its CSV tables rendered. */
const featureFiles =
  (f: AnyFeature): Producer =>
  async (issue, opts) =>
    renderFiles(await f.files(issue, opts), opts);

/** Every producer of the export folder: the structure, each feature (src/features/index.ts), Markdown, the report. */
export const PRODUCERS: Producer[] = [
  core,
  ...FEATURES.map(featureFiles),
  markdown,
  (issue, opts) => reportFiles(issue, opts.lines, opts.fileLines),
];

/** All files of the export of one issue, validated first, in a stable order. */
export async function buildExport(issue: Issue, opts: ExportOptions = {}): Promise<ExportFile[]> {
  assertConforms('issue', issue);
  const files: ExportFile[] = [];
  for (const p of PRODUCERS) append(files, await p(issue, opts));
  files.push(dataPackage(issue, files, opts.stamp));
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two producers wrote ${f.path}`);
    seen.add(f.path);
  }
  return files;
}
