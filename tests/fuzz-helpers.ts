// Shared by the fuzz / damaged-input tests: the sample, the invariants every parse must
// keep, and generators of damaged variants of the sample.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseIssue } from '../src/parse.js';
import { InputError } from '../src/read/errors.js';
import { Issue } from '../src/model/issue.js';
import type { Issue as IssueT } from '../src/model/issue.js';

export const SAMPLE = readFileSync(new URL('../samples/changning-2023-02.txt', import.meta.url), 'utf8');
export const SAMPLE_LINES = SAMPLE.split('\n');

/**
 * `npm run test:long` (vitest.long.config.ts) sets GONGBAO_TEST_LONG=1: every property gets
 * its full number of runs from a fresh seed, and the pathological inputs their full size.
 * The everyday `npm test` runs a short version of each: a tenth of the runs, from a fixed
 * seed, so that it is quick and gives the same inputs on every run.
 */
export const LONG = process.env.GONGBAO_TEST_LONG === '1';
/** The fixed seed of the everyday suite's properties. */
export const EVERYDAY_SEED = 20230725;
/** The share of a property's runs that the everyday suite makes. */
export const EVERYDAY_SHARE = 0.1;

/**
 * How many times the default number of runs each property gets. `GONGBAO_FUZZ_RUNS=20 npm
 * run test:long` runs twenty times as many inputs (and `GONGBAO_FUZZ_SEED=n` replays one seed).
 */
export const FUZZ_SCALE = Math.max(0.01, Number(process.env.GONGBAO_FUZZ_RUNS ?? '1') || 1) * (LONG ? 1 : EVERYDAY_SHARE);
export const runs = (n: number): number => Math.max(1, Math.round(n * FUZZ_SCALE));
export const fcParams = (n: number): fc.Parameters<unknown> => {
  const seed = process.env.GONGBAO_FUZZ_SEED ?? (LONG ? undefined : String(EVERYDAY_SEED));
  return { numRuns: runs(n), ...(seed ? { seed: Number(seed) } : {}) };
};

/** Inputs parsed by the fuzz tests so far (for the README figures): parsed, refused, crashed. */
export const tally = { parsed: 0, refused: 0 };

/** Every `line` / `startLine` / `endLine` / `…Line` number in a value, with its path. */
export function lineRefs(v: unknown, path = '$', out: { path: string; value: number }[] = []): { path: string; value: number }[] {
  if (Array.isArray(v)) v.forEach((x, i) => lineRefs(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if ((k === 'line' || /Line$/.test(k)) && typeof x === 'number') out.push({ path: `${path}.${k}`, value: x });
      else lineRefs(x, `${path}.${k}`, out);
    }
  }
  return out;
}

/** Number of lines of a text as gongbao counts them (CRLF / CR / LF, no last empty line). */
export function lineCount(text: string): number {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.length;
}

/**
 * The invariants of one parse: the Issue validates against its zod schema, every line
 * reference lies inside the input, and every anomaly's column inside its line.
 */
export function checkIssue(issue: IssueT, lines: number | null = null): void {
  const r = Issue.safeParse(issue);
  if (!r.success) throw new Error(`Issue does not validate: ${JSON.stringify(r.error.issues.slice(0, 3))}`);
  const n = issue.source.lines;
  if (lines !== null && n !== lines) throw new Error(`source.lines ${n}, expected ${lines}`);
  const max = Math.max(1, n);
  for (const ref of lineRefs(issue)) {
    if (!Number.isInteger(ref.value) || ref.value < 1 || ref.value > max) throw new Error(`${ref.path} = ${ref.value} outside 1..${max}`);
  }
  for (const a of issue.anomalies) {
    if (a.endLine !== undefined && a.endLine < a.line) throw new Error(`anomaly ${a.code} endLine ${a.endLine} < line ${a.line}`);
  }
  const spans = (o: unknown, path: string): void => {
    if (Array.isArray(o)) o.forEach((x, i) => spans(x, `${path}[${i}]`));
    else if (o !== null && typeof o === 'object') {
      const rec = o as Record<string, unknown>;
      if (typeof rec.startLine === 'number' && typeof rec.endLine === 'number' && rec.endLine < rec.startLine) {
        throw new Error(`${path}: endLine ${rec.endLine} < startLine ${rec.startLine}`);
      }
      for (const [k, x] of Object.entries(rec)) spans(x, `${path}.${k}`);
    }
  };
  spans(issue, '$');
}

/** Parses and checks; an InputError is allowed (returns null), anything else fails. */
export function parseChecked(input: string | Uint8Array): IssueT | null {
  let issue: IssueT;
  try {
    issue = parseIssue(input);
  } catch (err) {
    if (err instanceof InputError) {
      tally.refused++;
      return null;
    }
    throw err;
  }
  tally.parsed++;
  checkIssue(issue, typeof input === 'string' ? lineCount(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input) : null);
  return issue;
}

// ---------------------------------------------------------------------------------------
// Generators

/** Pieces of gazette text: the syntax the reader looks at, so random joins hit its paths. */
export const TOKENS = [
  '\n',
  '\n',
  '\n',
  '\n\n',
  ' ',
  '  ',
  '\t',
  '\r\n',
  '\r',
  '\u3000',
  '目 录',
  '目录',
  '【',
  '】',
  '【区政府文件】',
  '【政策解读】',
  '|',
  '｜',
  '| --- |',
  '|---|---|',
  '| a | b |',
  '| | | |',
  '〔',
  '〕',
  '(',
  ')',
  '（',
  '）',
  '[',
  ']',
  '《',
  '》',
  '“',
  '”',
  '「',
  '」',
  '年',
  '月',
  '日',
  '号',
  '第',
  '期',
  '总',
  '(2023 年 4 月 10 日)',
  '（二〇二三年二月三十日）',
  '(2023 年 2 月 30 日)',
  '府办〔2023〕10号',
  '府(2023)25号',
  '发改规(2023)6号',
  '府〔2023〕13 号',
  '1. ',
  '2、',
  '- ',
  '…………',
  '…',
  '(1)',
  '(12)',
  '（3）',
  '2023',
  '9999',
  '0',
  '12',
  '附件',
  '附件：',
  '附件 1',
  '附件: 1. ',
  '- 附件：1. ',
  '2. ',
  '附件4',
  '关于',
  '的通知',
  '的请示',
  '答复',
  '文字解读：《',
  '解读：《',
  '公报',
  '区人民政府公报',
  '2023 年第 2 期（总第 68 期）',
  '2023 年 7 月 25 日出版',
  '主办：',
  '网址：',
  '组长',
  '副组长',
  '成员',
  '召集人',
  '：',
  '、',
  '，',
  '。',
  'JZD1',
  'Y(m)',
  'X(m)',
  '<p>',
  '</p>',
  // converter markup of web pages: pandoc's spans (both Markdown forms), hard breaks, &nbsp, list bullets
  '<span style="font-size: 18pt;">',
  '</span>',
  ']{style="font-weight: bold;"}',
  '\\',
  '&nbsp',
  '&nbsp;',
  '-   ',
  '兼任办公室主任',
  '$\\geq 80\\%$',
  '\\geq',
  '[1]',
  '*',
  '/',
  '注：',
  '说明',
  '(一)',
  '（二）',
  '第一条',
  '一、',
  'a',
  'Z',
  '\ufffd',
  '\ufeff',
  '\u200b',
  '𠀀',
  '\ud800',
  '\udc00',
];

export const tokenText = (maxLength = 200): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...TOKENS), { maxLength }).map((a) => a.join(''));

/** One edit of a list of lines; positions are taken modulo the current length. */
export type Mutation =
  | { op: 'delete'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'truncate'; at: number }
  | { op: 'replace'; at: number; ch: string }
  | { op: 'insert'; at: number; text: string }
  | { op: 'insertLine'; at: number; text: string };

const INSERTS = [
  '|',
  '｜',
  '||',
  '| |',
  '【',
  '】',
  '〔',
  '〕',
  '(',
  ')',
  '（',
  '）',
  '《',
  '》',
  '\n',
  '\t',
  '附件',
  '目 录',
  '(2023 年 1 月 1 日)',
  '2023 年第 1 期',
];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('replace' as const),
    at: fc.nat(),
    ch: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom(...INSERTS)),
  }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...INSERTS), tokenText(6)) }),
  fc.record({ op: fc.constant('insertLine' as const), at: fc.nat(), text: tokenText(12) }),
);

/** Applies edits to the sample's lines (positions modulo length); returns the text. */
export function mutate(lines: readonly string[], edits: readonly Mutation[]): string {
  let ls = lines.slice();
  for (const e of edits) {
    const n = ls.length;
    if (n === 0) break;
    switch (e.op) {
      case 'delete':
        ls.splice(e.at % n, e.count);
        break;
      case 'duplicate': {
        const i = e.at % n;
        ls.splice(i, 0, ...ls.slice(i, i + e.count));
        break;
      }
      case 'swap': {
        const a = e.a % n;
        const b = e.b % n;
        [ls[a], ls[b]] = [ls[b]!, ls[a]!];
        break;
      }
      case 'truncate': {
        const text = ls.join('\n');
        ls = text.slice(0, e.at % (text.length + 1)).split('\n');
        break;
      }
      case 'replace':
      case 'insert': {
        const text = ls.join('\n');
        const i = e.at % (text.length + 1);
        const piece = e.op === 'replace' ? e.ch : e.text;
        ls = (text.slice(0, i) + piece + text.slice(e.op === 'replace' ? i + 1 : i)).split('\n');
        break;
      }
      case 'insertLine':
        ls.splice(e.at % (n + 1), 0, e.text);
        break;
    }
  }
  return ls.join('\n');
}

export const mutations = (max = 8): fc.Arbitrary<Mutation[]> => fc.array(mutation, { minLength: 1, maxLength: max });
