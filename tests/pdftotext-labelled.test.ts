/**
 * Numbered tables of pdftotext -layout whose row numbers stand after a label column
 * (src/read/pdftotext-labelled.ts): small inputs of its own; the sample's table is counted in
 * tests/readers-pdftotext.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellWords, headerCells, labelledHeader, labelledTableAt } from '../src/read/pdftotext-labelled.js';
import { joinNote } from '../src/read/pdftotext-dense.js';
import { words } from '../src/read/pdftotext-dense.js';
import { pdftotextReader } from '../src/read/reader-pdftotext.js';
import type { TableBlock } from '../src/read/reading.js';

const LAYOUT = 'tests/fixtures/readers/changning-2023-02.layout.txt';
const texts = (w: ReturnType<typeof words>) => w.map((x) => x.text);
const at = (lines: string[], h = 0) =>
  labelledTableAt(
    lines,
    lines.map(() => 0),
    h,
    () => false,
  );
const cells = (b: TableBlock) => [b.header, ...b.rows].map((r) => r.cells.map((c) => c.text));

/** A line with each text at its column (pdftotext's grid: one column a character). */
const line = (parts: Array<[number, string]>): string =>
  parts.reduce((s, [at, t]) => s.padEnd(at === 0 ? 0 : Math.max(at, s.length + 1)) + t, '');
// Columns: label 0, number 7, name 10, values 32 and 46; the header centred over them.
const TABLE = [
  line([
    [1, '分组'],
    [7, '号'],
    [13, '指标名称'],
    [34, '目标 值 规划值'],
  ]),
  line([
    [7, '次'],
    [40, '说明'],
  ]),
  line([
    [0, '甲组一'],
    [7, '1'],
    [9, '某某指标(个)*'],
    [32, '保持水 8 个左右'],
  ]),
  line([[32, '平']]),
  line([
    [7, '2'],
    [10, '其他指标(%)'],
    [32, '≥36'],
    [46, '≥36'],
  ]),
  line([
    [0, '乙组二'],
    [7, '3'],
    [10, '另一指标(1/10 万)*'],
    [32, '保持水 ≤7'],
  ]),
  line([
    [0, '长的组'],
    [7, '4'],
    [10, '再一指标比例'],
    [32, '10(平) /20(急) 1(平) /8(急)'],
  ]),
  line([
    [0, '名'],
    [10, '(%)'],
  ]),
  line([
    [7, '5'],
    [10, '末一指标'],
    [32, '≥10 （说明）'],
    [46, '≥10 （另'],
  ]),
  line([
    [10, '项目'],
    [46, '说明）'],
  ]),
  '注：带*号的指标为规划目标。',
];

describe('pdftotext -layout: numbered tables with a label column', () => {
  it('reads label, number and value columns: merged labels left empty, wrapped labels and cells joined, the header cut into its columns', () => {
    const t = at(TABLE)!;
    expect(t).not.toBeNull();
    expect(cells(t.block)).toEqual([
      ['分组', '号次', '指标名称', '目标 值', '规划值说明'],
      ['甲组一', '1', '某某指标(个)*', '保持水平', '8 个左右'],
      ['', '2', '其他指标(%)', '≥36', '≥36'],
      ['乙组二', '3', '另一指标(1/10 万)*', '保持水', '≤7'],
      ['长的组名', '4', '再一指标比例(%)', '10(平) /20(急)', '1(平) /8(急)'],
      ['', '5', '末一指标项目', '≥10 （说明）', '≥10 （另说明）'],
    ]);
    // The note below the table is none of its lines.
    expect(t.block.endLine).toBe(10);
    expect(t.rowLines).not.toContain(10);
  });

  it('through the reader: one block, the core filling the merged label cells is left to the core', () => {
    const b = pdftotextReader.read(TABLE.join('\n') + '\n').value.blocks as TableBlock[];
    expect(b).toHaveLength(1);
    expect(b[0]!.rows.map((r) => r.cells[0]!.text)).toEqual(['甲组一', '', '乙组二', '长的组名', '']);
  });

  it('is no such table: a first row without a label, rows not numbered from 1, a header of prose, fewer than two rows', () => {
    const noLabel = [...TABLE];
    noLabel[2] = line([
      [7, '1'],
      [9, '某某指标(个)*'],
      [32, '保持水 8 个左右'],
    ]);
    expect(at(noLabel)).toBeNull();
    const from2 = TABLE.map((s) => s.replace(/^(甲组一\s+)1 /, '$17 '));
    expect(at(from2)).toBeNull();
    expect(labelledHeader('本办法 适用于 全区，自印发 之日起施行')).toBe(false);
    expect(labelledHeader('1 甲 乙 丙')).toBe(false);
    expect(labelledHeader('  分组    号       指标名称')).toBe(true);
    expect(at([TABLE[0]!, TABLE[2]!, '注：说明。'])).toBeNull();
    // A numbered list under a title: nothing.
    expect(at(['工作 要求 如下 所列', '第一 1 加强领导，明确责任。', '      2 落实经费。'])).toBeNull();
  });

  it('groups numbered from 1 again after a label of several words; labels wrapped at the left edge beside the text; a line from the left edge ends a row without a label', () => {
    // Columns: label 0, number 6, text 8, department 30.
    const lines = [
      line([
        [1, '分类 序'],
        [14, '工作内容'],
        [31, '责任部门'],
      ]),
      line([[6, '号']]),
      line([
        [0, '（一）'],
        [6, '1'],
        [8, '完善设施规划布局。到'],
        [30, '区卫健委、区规'],
      ]),
      line([
        [0, '优化 资'],
        [8, '2025年新建1'],
        [30, '资局'],
      ]),
      line([
        [0, '源配置'],
        [8, '家服务站。'],
      ]),
      line([
        [6, '2'],
        [8, '合理配置医疗设备。'],
        [30, '区卫健委'],
      ]),
      line([
        [0, '(二) 强'],
        [6, '1'],
        [8, '推进医疗公卫服务同质化'],
        [30, '区医保局、区'],
      ]),
      line([
        [0, '化 分'],
        [5, '适宜外科手术。'],
        [30, '财政局、 区卫'],
      ]),
      line([
        [0, '级诊疗'],
        [8, '建设。'],
        [30, '健委'],
      ]),
      line([
        [6, '2'],
        [8, '优化门诊和转诊预约服务。'],
        [30, '区卫健委'],
      ]),
      '附件 5',
      '某某行动计划',
    ];
    const t = at(lines)!;
    expect(cells(t.block)).toEqual([
      ['分类', '序号', '工作内容', '责任部门'],
      ['（一）优化资源配置', '1', '完善设施规划布局。到2025年新建1家服务站。', '区卫健委、区规资局'],
      ['', '2', '合理配置医疗设备。', '区卫健委'],
      ['(二) 强化分级诊疗', '1', '推进医疗公卫服务同质化适宜外科手术。建设。', '区医保局、区财政局、区卫健委'],
      ['', '2', '优化门诊和转诊预约服务。', '区卫健委'],
    ]);
    // 附件 5 at the left edge: the row above has no label to wrap, so the table ends there.
    expect(t.block.endLine).toBe(10);
  });

  it('cellWords: a slash-led word, a bracketed note and the word closing an open bracket stay with the word before; others not', () => {
    expect(texts(cellWords('10(平) /20(急) 1(平) /8(急)'))).toEqual(['10(平) /20(急)', '1(平) /8(急)']);
    expect(texts(cellWords('≥10 （区属）  7.5 （编制）'))).toEqual(['≥10 （区属）', '7.5 （编制）']);
    expect(texts(cellWords('死亡率(1/10 万)* 保持'))).toEqual(['死亡率(1/10 万)*', '保持']);
    // An open bracket wrapped to the next line: a balanced word after it is a cell of its own.
    expect(texts(cellWords('比例(平时/紧急 10(平) /20(急)'))).toEqual(['比例(平时/紧急', '10(平) /20(急)']);
    expect(texts(cellWords('甲 乙  /丙'))).toEqual(['甲', '乙', '/丙']);
    // After Chinese text a bracket starts the next column's cell (a department's （镇）).
    expect(texts(cellWords('推进建设。 （镇）'))).toEqual(['推进建设。', '（镇）']);
  });

  it('headerCells: pieces between wide gaps, cut at the one-space gap nearest a column start; null when it cannot', () => {
    const h = words('  领域    序           主要指标                2025 年目标值 市卫健委规划');
    expect(texts(headerCells(h, 5, [7, 9, 39, 52])!)).toEqual(['领域', '序', '主要指标', '2025 年目标值', '市卫健委规划']);
    expect(texts(headerCells(h, 4, [7, 9, 39])!)).toEqual(['领域', '序', '主要指标', '2025 年目标值 市卫健委规划']);
    expect(headerCells(h, 3, [7, 9])).toBeNull();
    expect(headerCells(words('甲  乙  丙'), 4, [0, 3, 6, 9])).toBeNull();
  });

  it('joinNote: wrapped text joins without a space where either side is CJK, but a note in brackets after a value keeps its space; else as joinCell', () => {
    expect(joinNote('重症医学科比例', '(%)')).toBe('重症医学科比例(%)');
    expect(joinNote('比例', '（%）')).toBe('比例（%）');
    expect(joinNote('9.72', '（编制床位）')).toBe('9.72 （编制床位）');
    expect(joinNote('area', '(m)')).toBe('area (m)');
    // Chinese text wraps at the column's edge, not at a space: digits and Latin letters join too.
    expect(joinNote('新建1', '家社区')).toBe('新建1家社区');
    expect(joinNote('可配置CT', '等设备')).toBe('可配置CT等设备');
    expect(joinNote('到2025', '年')).toBe('到2025年');
    expect(joinNote('to the', 'end')).toBe('to the end');
  });

  it('on the sample printed to PDF: the task table (附件 4, 19 rows) and the indicators table (附件 6, 26 rows), nothing else', () => {
    const lines = readFileSync(LAYOUT, 'utf8').split('\n');
    const found: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (!labelledHeader(lines[i]!)) continue;
      const t = labelledTableAt(
        lines,
        lines.map(() => 0),
        i,
        (k) => /公报|^\s*— \d+ —\s*$/.test(lines[k]!),
      );
      if (!t) continue;
      found.push(i + 1, t.block.rows.length, t.skipped.length);
      i = t.block.endLine - 1;
    }
    // The task table of 附件 4 (no repeated header at its page breaks) and the indicators table.
    expect(found).toEqual([3314, 19, 0, 3521, 26, 2]);
  });
});
