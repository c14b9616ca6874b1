// The library's public signatures name only types that src/index.ts exports: a user can
// write every parameter and result type down. This file is checked by `npx tsc -p
// tsconfig.json` (tests are included): an import below that index.ts stops exporting, or a
// signature that stops matching, fails the typecheck; vitest runs the few value checks.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  Lines,
  parseIssue,
  parseSource,
  exportIssue,
  validateIssue,
  extractTables,
  scanTables,
  splitRow,
  InputError,
  OutputError,
  CATALOGUE,
  type ParseOptions,
  type ParsedSource,
  type Encoding,
  type SourceLines,
  type Result,
  type ExportIssueOptions,
  type ValidateIssueOptions,
  type Validation,
  type FailOn,
  type RuleLevel,
  type Anomaly,
  type Severity,
  type Issue,
  type Source,
  type Span,
  type Document,
  type Table,
  type ColumnType,
  type Fragment,
  type RawRow,
  type RawCell,
  type Code,
  type Rule,
  type Block,
} from '../src/index.js';

describe('src/index.ts exports every type its functions name', () => {
  it('parseIssue / parseSource', () => {
    expectTypeOf(parseIssue).parameters.toEqualTypeOf<[input: string | Uint8Array, options?: ParseOptions]>();
    expectTypeOf(parseIssue).returns.toEqualTypeOf<Issue>();
    expectTypeOf(parseSource).returns.toEqualTypeOf<ParsedSource>();
    expectTypeOf<ParseOptions['encoding']>().toEqualTypeOf<Encoding | undefined>();
    expectTypeOf<Issue['source']>().toEqualTypeOf<Source>();
    expectTypeOf<Document['span']>().toEqualTypeOf<Span>();
    const encoding: Encoding = 'gb18030';
    expect(parseIssue('x', { name: null, encoding }).source.name).toBe(null);
  });

  it('exportIssue / validateIssue', () => {
    expectTypeOf(exportIssue).parameter(2).toEqualTypeOf<ExportIssueOptions | undefined>();
    expectTypeOf(exportIssue).returns.resolves.toEqualTypeOf<{ issue: Issue; files: string[] }>();
    expectTypeOf(validateIssue).parameter(0).toEqualTypeOf<string | Uint8Array | Issue>();
    expectTypeOf(validateIssue).parameter(1).toEqualTypeOf<ValidateIssueOptions | undefined>();
    expectTypeOf(validateIssue).returns.toEqualTypeOf<Validation>();
    expectTypeOf<ValidateIssueOptions['failOn']>().toEqualTypeOf<FailOn | undefined>();
    expectTypeOf<ValidateIssueOptions['rules']>().toEqualTypeOf<Record<string, RuleLevel> | undefined>();
    expectTypeOf<Validation['anomalies']>().toEqualTypeOf<Anomaly[]>();
    expectTypeOf<Validation['counts']>().toEqualTypeOf<Record<Severity, number>>();
  });

  it('extractTables / scanTables / splitRow', () => {
    expectTypeOf(extractTables).parameters.toEqualTypeOf<[src: SourceLines, documents: readonly Document[], blocks?: readonly Block[]]>();
    expectTypeOf(extractTables).returns.toEqualTypeOf<Result<Table[]>>();
    expectTypeOf(splitRow).returns.toEqualTypeOf<RawRow | null>();
    expectTypeOf<RawRow['cells']>().toEqualTypeOf<RawCell[]>();
    expectTypeOf<Table['columns'][number]['type']>().toEqualTypeOf<ColumnType>();
    const src: SourceLines = {
      text: '| a | b |\n|---|---|\n| 1 | 2 |',
      lines: Lines.of(['| a | b |', '|---|---|', '| 1 | 2 |']),
      offsets: Int32Array.of(0, 10, 20, 30),
    };
    const fragments: Fragment[] = scanTables(src);
    expect(fragments).toHaveLength(1);
    const tables: Result<Table[]> = extractTables(src, []);
    expect(tables.value).toHaveLength(1);
    expect(tables.value[0]!.columns.map((c) => c.type)).toEqual(['integer', 'integer']);
  });

  it('errors and the catalogue', () => {
    expect(new InputError('x').exitCode).toBe(2);
    expect(new OutputError('x').exitCode).toBe(3);
    const code: Code = 'INPUT_ENCODING_FALLBACK';
    const rule: Rule = CATALOGUE[code];
    expect(rule.group).toBe('input');
  });
});
