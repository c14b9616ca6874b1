// The pathological inputs of `npm run bench:adversarial` (cmark's pathological tests,
// applied to gazettes), shared with tests/adversarial.test.ts, which parses each of them at
// full size and checks the result (no crash, a valid Issue, every line inside the input).

/**
 * [name, make] pairs; `sample` is the text of the sample issue. `scale` (0 < scale ≤ 1)
 * shrinks every count: the everyday test suite parses each case at a twentieth of its size, the
 * benchmark and `npm run test:long` at full size (the names give the full size).
 */
export function adversarialCases(sample, scale = 1) {
  const k = (n) => Math.max(1, Math.round(n * scale));
  const rep = (s, n) => s.repeat(k(n));
  const row = (cells, fill = ' ') => '|' + Array.from({ length: cells }, () => fill).join('|') + '|';
  const oneLine = sample.replace(/\n+/g, ' ');
  return [
    [
      '1 MB on one line (the sample, newlines removed)',
      () => rep(oneLine, Math.ceil((1 << 20) / Buffer.byteLength(oneLine))).slice(0, k(400_000)),
    ],
    ['100 000 | on one line', () => rep('|', 100_000)],
    ['100 000 lines of |', () => rep('|\n', 100_000)],
    ['100 000 【 without 】', () => rep('【', 100_000)],
    ['100 000 【 lines without 】', () => rep('【\n', 100_000)],
    ['100 000 〔 without 〕', () => rep('〔', 100_000)],
    ['100 000 《 without 》', () => rep('《', 100_000)],
    ['100 000 ( without ) on one line', () => rep('(', 100_000)],
    ['50 000 lines of (一)', () => rep('(一)\n', 50_000)],
    ['50 000 lines of （二〇二三年四月十日）', () => rep('（二〇二三年四月十日）\n', 50_000)],
    ['50 000 document headers (title, date, 文号)', () => rep('关于某事的通知\n(2023 年 4 月 10 日)\n府办〔2023〕10号\n', 50_000)],
    ['20 000 【category】 headers', () => rep('【区政府文件】\n', 20_000)],
    [
      '目录 with 20 000 entries, then their documents',
      () =>
        '目 录\n【区政府文件】\n' +
        Array.from({ length: k(20_000) }, (_, i) => `${i + 1}. 关于第${i}号事项的通知…… (${i + 1})\n`).join('') +
        '【区政府文件】\n' +
        Array.from({ length: k(20_000) }, (_, i) => `关于第${i}号事项的通知\n(2023 年 4 月 10 日)\n正文。\n`).join(''),
    ],
    ['100 000 附件 lines', () => rep('附件：1. 标题\n附件 1\n', 50_000)],
    ['100 000 《title》 citations', () => rep('根据《关于某事的通知》和府办〔2023〕10号，', 10_000) + '\n'],
    [
      'a table of 10 000 columns',
      () => [row(k(10_000), ' h '), row(k(10_000), '---'), ...Array.from({ length: k(20) }, () => row(k(10_000), ' 1 '))].join('\n') + '\n',
    ],
    [
      '200 000 empty table rows',
      () => ['| a | b | c |', '|---|---|---|', ...Array.from({ length: k(200_000) }, () => '| | | |')].join('\n') + '\n',
    ],
    [
      '200 000 table rows, page-split every 3 rows',
      () =>
        [
          '| a | b | c |',
          '|---|---|---|',
          ...Array.from({ length: k(66_000) }, (_, i) => `| ${i} | x | y |\n\n| | | |\n|---|---|---|`),
        ].join('\n') + '\n',
    ],
    ['100 000 \\| escapes in a cell', () => '| a | b |\n|---|---|\n| ' + rep('\\|', 100_000) + ' | x |\n'],
    ['100 000 <p> in cells', () => '| a | b |\n|---|---|\n' + rep('| <p>x<p>y | $\\geq 1\\%$ |\n', 50_000)],
    [
      '100 000 JZD stakes',
      () =>
        '| 序号 | 桩号 | Y(m) | X(m) |\n|---|---|---|---|\n' +
        Array.from({ length: k(100_000) }, (_, i) => `| ${i + 1} | JZD${i + 1} | -1${i}.5 | 5${i}.25 |`).join('\n') +
        '\n',
    ],
    [
      '150 000 rows with HTML in a cell (150 000 anomalies of one kind)',
      () => '| 序号 | 内容 |\n|---|---|\n' + Array.from({ length: k(150_000) }, (_, i) => `| ${i + 1} | <p>甲 |`).join('\n') + '\n',
    ],
    ['50 000 roster lines', () => rep('组  长：张三（区委常委、副区长）\n成  员：李四、王五、赵六\n', 25_000)],
    ['1 000 000 spaces and tabs', () => rep(' \t', 500_000) + 'x\n'],
    ['200 000 lines of U+FFFD', () => rep('\ufffd\n', 200_000)],
    ['sample ×8 run together', () => rep(sample, 8)],
    // converter Markdown (src/read/reader-markdown.ts, html-table.ts)
    [
      '20 000 one-line HTML tables',
      () => rep('<table><tr><td>序号</td><td>名称</td></tr><tr><td>1</td><td>甲</td></tr></table>\n\n', 20_000),
    ],
    [
      'an HTML table of 100 000 cells with rowspans on one line',
      () => '<table>' + rep('<tr><td>1</td><td rowspan="2">x</td><td>y</td><td>z</td></tr>', 25_000) + '</table>\n',
    ],
    [
      '10 000 HTML tables left open, a comment left open',
      () => rep('<table><tr><td>a<td>b\n', 10_000) + '<table><tr><td><!-- x\n' + rep('<table><tr><td>c</td></tr></table>\n', 1000),
    ],
    [
      '100 000 # headings, running heads and page numbers',
      () => rep('# 【区政府文件】\n\n某某区人民政府公报 2023 年第 2 期\n\n12\n\n## 关于某事的通知\n', 20_000),
    ],
  ];
}
