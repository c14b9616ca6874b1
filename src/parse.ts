import { createHash } from 'node:crypto';
import type { Anomaly } from './model/anomaly.js';
import type { Issue, Source } from './model/issue.js';
import { anomaly } from './model/catalogue.js';
import { decode, type Encoding } from './read/decode.js';
import { splitLines, type SourceLines } from './read/lines.js';
import { readStructure, type Structure } from './core/structure.js';
import { checkStructure } from './check/structure.js';
import { extractTables } from './features/tables/index.js';
import { extractPeople } from './features/people/index.js';
import { extractSluices, gridsFromTables } from './features/sluices/index.js';
import { collapseFloods } from './check/flood.js';
import { checkDamage } from './check/damage.js';
import { append } from './model/result.js';

export interface ParseOptions {
  /** File name for provenance and messages; null for stdin / in-memory text. */
  name?: string | null;
  /** Force an encoding instead of detecting it (bytes input only). */
  encoding?: Encoding;
}

/**
 * Everything later stages may read: the lines and the issue's structure. Extractors and
 * checks receive it and return their records plus anomalies.
 */
export interface ParseContext {
  src: SourceLines;
  structure: Structure;
}

/** An issue with the lines of its text (for writers that show the source: Markdown, HTML). */
export interface ParsedSource {
  issue: Issue;
  lines: string[];
}

/** Like parseIssue, and also returns the decoded lines of the text. */
export function parseSource(input: string | Uint8Array, options: ParseOptions = {}): ParsedSource {
  const name = options.name ?? null;
  const anomalies: Anomaly[] = [];
  let text: string;
  let source: Omit<Source, 'lines'>;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    source = { name, encoding: 'utf-8', bom: input.charCodeAt(0) === 0xfeff, bytes: Buffer.byteLength(input, 'utf8'), sha256: null };
  } else {
    const d = decode(input, name, options.encoding);
    text = d.text;
    source = { name, encoding: d.encoding, bom: d.bom, bytes: input.length, sha256: createHash('sha256').update(input).digest('hex') };
    // The bytes are not needed any more: let a large input's buffer be collected while parsing.
    input = '';
    if (d.fallback) anomalies.push(anomaly('INPUT_ENCODING_FALLBACK', { message: 'not valid UTF-8; decoded as GB18030', line: 1, evidence: '' }));
  }
  const src = splitLines(text);
  const lost = text.includes('\ufffd');
  for (let i = 0; lost && i < src.lines.length; i++) {
    const col = src.lines[i]!.indexOf('\ufffd');
    if (col >= 0) anomalies.push(anomaly('INPUT_REPLACEMENT_CHARACTER', { message: 'replacement character U+FFFD: a character was lost in conversion', line: i + 1, column: col + 1, evidence: src.lines[i]! }));
  }

  const structure = readStructure(src);
  append(anomalies, structure.anomalies);
  append(anomalies, checkStructure({ lines: src.lines, masthead: structure.masthead, toc: structure.toc, sections: structure.sections, documents: structure.documents }));
  const ctx: ParseContext = { src, structure };
  void ctx;

  // Extractors (tables, people, sluices) and checks plug in here, each returning
  // its records and anomalies.
  const tables = extractTables(src, structure.documents);
  append(anomalies, tables.anomalies);
  const people = extractPeople(src, structure.documents, tables.value);
  append(anomalies, people.anomalies);
  const sluices = extractSluices(gridsFromTables(tables.value), src.lines);
  append(anomalies, sluices.anomalies);
  append(anomalies, checkDamage(src, structure));

  anomalies.sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const reported = collapseFloods(anomalies);
  const issue: Issue = {
    schemaVersion: 1,
    source: { ...source, lines: src.lines.length },
    masthead: structure.masthead,
    toc: structure.toc,
    sections: structure.sections,
    documents: structure.documents,
    citations: structure.citations,
    tables: tables.value,
    appointments: people.value.appointments,
    rosters: people.value.rosters,
    sluices: sluices.value.sluices,
    points: sluices.value.points,
    anomalies: reported,
  };
  return { issue, lines: src.lines };
}

/**
 * The library's entry point: text or bytes of one gazette issue → Issue. Throws only
 * InputError (unreadable input); every irregularity of readable text is an anomaly.
 */
export function parseIssue(input: string | Uint8Array, options: ParseOptions = {}): Issue {
  return parseSource(input, options).issue;
}

