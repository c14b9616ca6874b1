import { createHash } from 'node:crypto';
import type { Anomaly } from './model/anomaly.js';
import type { Issue, Source } from './model/issue.js';
import { anomaly } from './model/catalogue.js';
import { decode, type Damage, type Encoding } from './read/decode.js';
import { lostText } from './read/lost-text.js';
import { unicodeSeparators } from './read/separators.js';
import { htmlSpaces } from './read/entities.js';
import { readText, type ReaderName } from './read/readers.js';
import { splitLines, type Lines } from './read/lines.js';
import { readStructure } from './core/structure.js';
import { findMatter } from './core/matter.js';
import { CHECKS, checkInput } from './check/index.js';
import { emptyRecords, type AnyFeature, type Context, type Records } from './core/feature.js';
import { FEATURES } from './features/index.js';
import { collapseFloods } from './check/flood.js';
import { append, type Result } from './model/result.js';
import { EXCERPT_MAX, excerptAt } from './read/text.js';

export interface ParseOptions {
  /** File name for provenance and messages; '-' for standard input, null (the default) for text without a name. */
  name?: string | null;
  /** Force an encoding instead of detecting it (bytes input only). */
  encoding?: Encoding;
  /** The input form (`--from`): text or markdown; detected from the content when absent. */
  from?: ReaderName;
}

/** An issue with the lines of its text (for writers that show the source: Markdown, HTML). */
export interface ParsedSource {
  issue: Issue;
  /** The lines the reader gives (1:1 with the file's): what the records point at. */
  lines: Lines;
  /**
   * The lines as in the file, when the reader changed some (every reader but `text`: it
   * blanks page furniture, joins wrapped lines, reads HTML tables into cells); the report
   * shows a document's source with them.
   */
  fileLines?: Lines;
}

/** What reading the input gave: its text, what the Issue says of its source, anomalies so far. */
interface Decoded {
  text: string;
  source: Omit<Source, 'lines' | 'reader'>;
  anomalies: Anomaly[];
  damage: Damage[];
  damaged: number;
}

function fromString(input: string, name: string | null): Decoded {
  const bom = input.charCodeAt(0) === 0xfeff;
  return {
    text: bom ? input.slice(1) : input,
    source: { name, encoding: 'utf-8', bom, bytes: Buffer.byteLength(input, 'utf8'), sha256: null },
    anomalies: [],
    damage: [],
    damaged: 0,
  };
}

/** Decodes the bytes `held` holds, taking them (held.bytes becomes null): see parseHeld. */
function fromBytes(held: { bytes: Uint8Array | null }, name: string | null, encoding: Encoding | undefined): Decoded {
  const bytes = held.bytes;
  if (bytes === null) throw new Error('parseHeld: the bytes were taken already');
  held.bytes = null;
  const d = decode(bytes, name, encoding);
  const anomalies: Anomaly[] = [];
  if (d.fallback)
    anomalies.push(anomaly('INPUT_ENCODING_FALLBACK', { message: 'not valid UTF-8; decoded as GB18030', line: 1, evidence: '' }));
  return {
    text: d.text,
    source: { name, encoding: d.encoding, bom: d.bom, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
    anomalies,
    damage: d.damage,
    damaged: d.damaged,
  };
}

/** Like parseIssue, and also returns the decoded lines of the text. */
export function parseSource(input: string | Uint8Array, options: ParseOptions = {}): ParsedSource {
  const name = options.name ?? null;
  return parseDecoded(typeof input === 'string' ? fromString(input, name) : fromBytes({ bytes: input }, name, options.encoding), options);
}

/**
 * parseSource of the bytes `held` holds, which it takes (`held.bytes` becomes null). A value
 * passed as an argument stays alive in the caller's frame for the whole call, whatever the
 * callee does with it; bytes taken from a holder are referenced by the decoding frame alone,
 * so a large input's buffer is collected while the rest is parsed (the CLI reads files so).
 */
export function parseHeld(held: { bytes: Uint8Array | null }, options: ParseOptions = {}): ParsedSource {
  return parseDecoded(fromBytes(held, options.name ?? null, options.encoding), options);
}

function parseDecoded(decoded: Decoded, options: ParseOptions): ParsedSource {
  const { source, anomalies, damage, damaged } = decoded;
  let text = decoded.text;
  decoded.text = ''; // the caller's frame holds `decoded`: the text it had goes when replaced below
  const separated = unicodeSeparators(text);
  text = separated.value;
  append(anomalies, separated.anomalies);
  const spaced = htmlSpaces(text);
  text = spaced.value;
  append(anomalies, spaced.anomalies);
  const reading = readText(text, options.from);
  append(anomalies, reading.anomalies);
  const { src, blocks, reader } = reading.value;
  append(anomalies, lostText(src, source.encoding, damage, damaged));

  const read = readStructure(src);
  append(anomalies, read.anomalies);
  const structure = read.value;
  const features = runFeatures({ src, structure, records: {}, blocks });
  append(anomalies, features.anomalies);
  const records = features.value;
  const checks = checkInput(src, structure, records);
  for (const check of CHECKS) append(anomalies, check.run(checks));

  anomalies.sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const reported = boundEvidence(collapseFloods(anomalies));
  const issue: Issue = {
    schemaVersion: 1,
    source: { ...source, lines: src.lines.length, reader },
    masthead: structure.masthead,
    toc: structure.toc,
    sections: structure.sections,
    documents: structure.documents,
    citations: structure.citations,
    matter: findMatter(src.lines, { ...structure, tables: records.tables }),
    ...records,
    anomalies: reported,
  };
  return { issue, lines: src.lines, ...(reader === 'text' ? {} : { fileLines: splitLines(text).lines }) };
}

/**
 * Evidence cut to a bounded excerpt around the column, with where it starts and how long the
 * whole text was: a 50 MB line must not be copied into the JSON of every anomaly about it.
 * Excerpts made where the anomaly was found (damaged bytes) are short enough already.
 */
function boundEvidence(anomalies: Anomaly[]): Anomaly[] {
  for (let i = 0; i < anomalies.length; i++) {
    const a = anomalies[i]!;
    if (a.evidence.length <= EXCERPT_MAX + 2) continue;
    const { text, start } = excerptAt(a.evidence, a.column);
    anomalies[i] = { ...a, evidence: text, evidenceStart: start, evidenceLength: a.evidence.length };
  }
  return anomalies;
}

/**
 * The features in an order where each runs after those whose records it uses (the list's
 * order where it can). Throws on a feature that uses records nobody provides, or a cycle: a
 * mistake in src/features/index.ts, never in the input.
 */
export function runOrder(features: readonly AnyFeature[]): AnyFeature[] {
  const order: AnyFeature[] = [];
  const provided = new Set<string>();
  const left = features.slice();
  while (left.length > 0) {
    const i = left.findIndex((f) => f.uses.every((k: string) => provided.has(k)));
    if (i < 0) throw new Error(`features ${left.map((f) => f.name).join(', ')} use records that no feature before them provides`);
    const [f] = left.splice(i, 1);
    order.push(f!);
    for (const k of f!.provides) provided.add(k);
  }
  return order;
}

const RUN_ORDER = runOrder(FEATURES);

/**
 * Runs every feature on the context, collecting their anomalies. The records come back in
 * the order of the Issue's fields (model/issue.ts), whatever order the features ran in.
 */
function runFeatures(ctx: Context): Result<Records> {
  const records = emptyRecords();
  const anomalies: Anomaly[] = [];
  for (const f of RUN_ORDER) {
    const r = f.extract(ctx);
    append(anomalies, r.anomalies);
    Object.assign(records, r.value);
    Object.assign(ctx.records, r.value);
  }
  return { value: records, anomalies };
}

/**
 * The library's entry point: text or bytes of one gazette issue → Issue. Throws only
 * InputError (unreadable input); every irregularity of readable text is an anomaly.
 */
export function parseIssue(input: string | Uint8Array, options: ParseOptions = {}): Issue {
  return parseSource(input, options).issue;
}
