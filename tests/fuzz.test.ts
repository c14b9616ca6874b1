// Property tests: whatever the input, parseIssue throws nothing but InputError, returns an
// Issue that validates against its zod schema, and points only at lines that exist.
// More inputs: GONGBAO_FUZZ_RUNS=20 npm run test:long (a multiplier; npm test runs a tenth, seeded);
// replay a failure with GONGBAO_FUZZ_SEED=<seed printed by fast-check>.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIssue } from '../src/parse.js';
import { InputError } from '../src/read/errors.js';
import { buildExport, fileText } from '../src/write/export.js';
import { selfIntersections, segmentsIntersect, type Pt } from '../src/features/sluices/geometry.js';
import { isCjk, removeCjkSpaces } from '../src/read/text.js';
import { batched, jsonChunks } from '../src/write/json-stream.js';
import { frontMatter } from '../src/write/markdown.js';
import {
  FUZZ_SCALE,
  type Mutation,
  SAMPLE,
  SAMPLE_LINES,
  checkIssue,
  fcParams,
  lineCount,
  lineRefs,
  mutate,
  mutations,
  parseChecked,
  tally,
  tokenText,
} from './fuzz-helpers.js';

/** More runs (GONGBAO_FUZZ_RUNS) get proportionally more time. */
const timeout = Math.max(60_000, 60_000 * FUZZ_SCALE);

afterAll(() => {
  if (process.env.GONGBAO_FUZZ_REPORT)
    console.log(
      `fuzz: ${tally.parsed + tally.refused} inputs, ${tally.parsed} parsed, ${tally.refused} refused with InputError, 0 crashes`,
    );
});

describe('the invariant checks can fail', () => {
  it('notices a line outside the input and an invalid record', () => {
    const issue = parseIssue('【区政府文件】\n标题\n(2023 年 4 月 10 日)\n');
    checkIssue(issue);
    expect(lineRefs(issue).length).toBeGreaterThan(0);
    const bad = structuredClone(issue);
    bad.documents[0]!.span.endLine = 99;
    expect(() => checkIssue(bad)).toThrow(/outside 1\.\.3/);
    const bad2 = structuredClone(issue);
    (bad2.documents[0] as { ordinal: number }).ordinal = 0;
    expect(() => checkIssue(bad2)).toThrow(/does not validate/);
  });
  it('the sample parses and meets them', () => {
    const issue = parseChecked(SAMPLE)!;
    expect(issue.documents.length).toBeGreaterThan(20);
    expect(lineCount(SAMPLE)).toBe(issue.source.lines);
  });
});

describe('parseIssue on arbitrary input', { timeout }, () => {
  it('arbitrary strings (any code unit, lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        parseChecked(s);
      }),
      fcParams(300),
    );
  });
  it('arbitrary grapheme strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        parseChecked(s);
      }),
      fcParams(200),
    );
  });
  it('random joins of gazette syntax (headers, TOC entries, dates, 文号, pipes, brackets)', () => {
    fc.assert(
      fc.property(tokenText(300), (s) => {
        parseChecked(s);
      }),
      fcParams(600),
    );
  });
  it('arbitrary bytes: only InputError, never another throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => {
        parseChecked(b);
      }),
      fcParams(300),
    );
  });
  it('gazette syntax as bytes in UTF-8, UTF-16 and with bytes flipped', () => {
    fc.assert(
      fc.property(
        tokenText(200),
        fc.constantFrom('utf8', 'utf16le', 'bom8', 'bom16le', 'bom16be'),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { maxLength: 4 }),
        (s, enc, flips) => {
          let b: Buffer;
          if (enc === 'utf8') b = Buffer.from(s, 'utf8');
          else if (enc === 'bom8') b = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]);
          else if (enc === 'utf16le') b = Buffer.from(s, 'utf16le');
          else if (enc === 'bom16le') b = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
          else b = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);
          for (const [at, v] of flips) if (b.length) b[at % b.length] = v;
          parseChecked(new Uint8Array(b));
        },
      ),
      fcParams(300),
    );
  });
  it('an InputError is what unreadable input gives', () => {
    expect(() => parseIssue(new Uint8Array([]))).toThrow(InputError);
    expect(() => parseIssue(new Uint8Array([0x41, 0, 0x42]))).toThrow(InputError);
  });
});

describe('parseIssue on mutations of the sample', { timeout }, () => {
  it('lines deleted, duplicated, swapped, truncated; characters replaced; pipes and brackets inserted', () => {
    fc.assert(
      fc.property(mutations(8), (edits) => {
        const issue = parseChecked(mutate(SAMPLE_LINES, edits));
        expect(issue).not.toBeNull();
      }),
      fcParams(120),
    );
  });
  it('one local edit keeps most documents', () => {
    const base = parseIssue(SAMPLE).documents.length;
    fc.assert(
      fc.property(mutations(1), (edits) => {
        const issue = parseChecked(mutate(SAMPLE_LINES, edits))!;
        // A single edit that does not truncate the text cannot lose most of the issue.
        if (edits[0]!.op !== 'truncate' && edits[0]!.op !== 'delete')
          expect(issue.documents.length).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
      }),
      fcParams(60),
    );
  });
  it('the sample as bytes with a few bytes flipped (UTF-8 broken → GB18030 fallback or U+FFFD)', () => {
    const bytes = Buffer.from(SAMPLE, 'utf8');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 6 }), (flips) => {
        const b = Buffer.from(bytes);
        for (const [at, v] of flips) b[at % b.length] = v;
        parseChecked(new Uint8Array(b));
      }),
      fcParams(40),
    );
  });
});

describe('idempotence', { timeout }, () => {
  it('exporting the same input twice gives byte-identical files', async () => {
    const a = await buildExport(parseIssue(Buffer.from(SAMPLE), { name: 'x.txt' }));
    const b = await buildExport(parseIssue(Buffer.from(SAMPLE), { name: 'x.txt' }));
    expect(a.map((f) => f.path)).toEqual(b.map((f) => f.path));
    a.forEach((f, i) => expect(fileText(f.data)).toBe(fileText(b[i]!.data)));
    expect(a.length).toBeGreaterThan(1);
  });
  it("a document's Markdown front matter, read back, gives the document's metadata (also for damaged variants)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant([] as Mutation[]), mutations(3)), fc.string({ unit: 'binary', maxLength: 30 }), (edits, junk) => {
        const issue = parseIssue(mutate(SAMPLE_LINES, edits), { name: `x${junk}.txt` });
        for (const d of issue.documents) {
          const fm = frontMatter(issue, d);
          const back: Record<string, unknown> = {};
          for (const l of fm.split('\n')) {
            const i = l.indexOf(': ');
            back[l.slice(0, i)] = JSON.parse(l.slice(i + 2));
          }
          expect(back).toEqual({
            id: d.id,
            title: d.title,
            date: d.date,
            文号: d.docNumber?.normalized ?? null,
            category: d.category,
            page: d.toc?.page ?? null,
            kind: d.kind,
            lines: `${d.span.startLine}-${d.span.endLine}`,
            source: issue.source.name,
          });
        }
      }),
      fcParams(20),
    );
  });
  it('…also for damaged variants of the sample', async () => {
    await fc.assert(
      fc.asyncProperty(mutations(4), async (edits) => {
        const text = mutate(SAMPLE_LINES, edits);
        const a = await buildExport(parseIssue(text));
        const b = await buildExport(parseIssue(text));
        expect(a.length).toBe(b.length);
        a.forEach((f, i) => {
          expect(f.path).toBe(b[i]!.path);
          expect(fileText(f.data)).toBe(fileText(b[i]!.data));
        });
      }),
      fcParams(15),
    );
  });
});

describe('linear-time rewrites agree with the simple versions they replaced', () => {
  it('selfIntersections (x sweep) gives the pairs of the all-pairs loop, in the same order', () => {
    const brute = (pts: { x: number; y: number }[]): Array<[number, number]> => {
      const n = pts.length;
      const out: Array<[number, number]> = [];
      if (n < 4) return out;
      for (let i = 0; i < n; i++) {
        for (let j = i + 2; j < n; j++) {
          if (i === 0 && j === n - 1) continue;
          if (segmentsIntersect(pts[i] as Pt, pts[(i + 1) % n] as Pt, pts[j] as Pt, pts[(j + 1) % n] as Pt)) out.push([i, j]);
        }
      }
      return out;
    };
    const pt = fc.record({ x: fc.integer({ min: -5, max: 5 }), y: fc.integer({ min: -5, max: 5 }) });
    fc.assert(
      fc.property(fc.array(pt, { maxLength: 24 }), (raw) => {
        const pts = raw.map((p, i) => ({ seq: i + 1, ...p })) as Pt[];
        expect(selfIntersections(pts)).toEqual(brute(pts));
      }),
      fcParams(500),
    );
  });
  it('removeCjkSpaces copies stretches and gives the veto the same windows as a character-by-character walk', () => {
    // The walk removeCjkSpaces did before it copied stretches: the reference.
    const reference = (s: string, keep?: (b: string, a: string, i: number) => boolean): string => {
      let out = '';
      let tail = '';
      let i = 0;
      const sp = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u3000';
      while (i < s.length) {
        if (sp(s[i])) {
          let j = i;
          while (j < s.length && sp(s[j])) j++;
          const prev = tail[tail.length - 1];
          const next = s[j];
          if (prev !== undefined && next !== undefined && isCjk(prev) && isCjk(next) && !(keep && keep(tail, s.slice(j, j + 16), i))) {
            i = j;
            continue;
          }
          const run = s.slice(i, j);
          out += run;
          tail = (tail + run.slice(-16)).slice(-16);
          i = j;
          continue;
        }
        out += s[i]!;
        tail = (tail + s[i]!).slice(-16);
        i++;
      }
      return out;
    };
    // the window before a run removed reaches back over the runs removed before it
    const seen: string[] = [];
    removeCjkSpaces('中 文 中 一二三四五六七八九十一二三四五六 七', (b) => (seen.push(b), false));
    expect(seen).toEqual(['中', '中文', '中文中', '一二三四五六七八九十一二三四五六']);
    const cjk = ['中', '文', '，', '“', '一二三四五六七八九十'];
    const spaces = [' ', '  ', '\t', '\u3000'];
    const other = ['a', '1', '\n', '\u00a0', '\ud840\udc00', '\ud840'];
    const parts = [...cjk, ...cjk, ...spaces, ...spaces, ...other];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 60 }), fc.integer({ min: 0, max: 6 }), (ps, mod) => {
        const s = ps.join('');
        const calls: string[] = [];
        const veto = (log: string[]) => (b: string, a: string, i: number) => {
          log.push(`${b}|${a}|${i}`);
          return (b.length + a.length + i) % 7 === mod;
        };
        const expected: string[] = [];
        expect(removeCjkSpaces(s, veto(calls))).toBe(reference(s, veto(expected)));
        expect(calls).toEqual(expected);
        expect(removeCjkSpaces(s)).toBe(reference(s));
      }),
      fcParams(500),
    );
  });
  it('removeCjkSpaces with a veto sees the same windows as before', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('中', '文', ' ', '  ', 'a', '1', '“', '”', '\u3000'), { maxLength: 60 }), (parts) => {
        const s = parts.join('');
        const seen: string[] = [];
        const out = removeCjkSpaces(s, (before, after, index) => {
          // before: the tail of the output so far; after: the text after the space run.
          expect(s.slice(index).trimStart().startsWith(after.trimStart().slice(0, 1))).toBe(true);
          seen.push(before);
          return false;
        });
        expect(removeCjkSpaces(s)).toBe(out);
        for (const b of seen) expect(b.length).toBeLessThanOrEqual(16);
      }),
      fcParams(300),
    );
  });
});

describe('JSON written in pieces (write/json-stream.ts)', () => {
  it('the pieces join to exactly JSON.stringify, compact and pretty, for the sample Issue', () => {
    const issue = parseIssue(SAMPLE);
    expect([...jsonChunks(issue)].join('')).toBe(JSON.stringify(issue));
    expect([...jsonChunks(issue, true)].join('')).toBe(JSON.stringify(issue, null, 2));
    expect([...batched(jsonChunks(issue), 10_000)].join('')).toBe(JSON.stringify(issue));
    expect([...batched(jsonChunks(issue), 10_000)].length).toBeGreaterThan(10);
  });
  it('…and for any JSON value (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()), fc.constant(undefined)))),
        fc.boolean(),
        (v, pretty) => {
          expect([...jsonChunks(v, pretty)].join('')).toBe(JSON.stringify(v, null, pretty ? 2 : undefined));
        },
      ),
      fcParams(1000),
    );
  });
  it('batched: small pieces joined up to the size, a piece of the size or more passed on alone (never copied into a batch)', () => {
    const big = 'x'.repeat(12);
    expect([...batched(['a', 'b', big, 'c', 'd'], 10)]).toEqual(['ab', big, 'cd']);
    expect([...batched([big, big], 10)]).toEqual([big, big]);
    expect([...batched(['12345', '67890', 'a'], 10)]).toEqual(['1234567890', 'a']);
    expect([...batched([], 10)]).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 })), fc.integer({ min: 1, max: 40 }), (parts, size) => {
        const out = [...batched(parts, size)];
        expect(out.join('')).toBe(parts.join(''));
        // every piece but the last is full, or stands before a piece that goes on alone
        for (let i = 0; i + 1 < out.length; i++) expect(out[i]!.length >= size || out[i + 1]!.length >= size).toBe(true);
        // a large piece is never joined to another
        for (const p of parts) if (p.length >= size) expect(out).toContain(p);
      }),
      fcParams(500),
    );
  });
});
