// The sample written the way other tools write it, for tests/readers-*.test.ts:
//
// - converterMarkdown(text): what a PDF converter (MinerU, marker, docling) makes of the
//   issue: each pipe table as one line of HTML (<table><tr><td>…), empty body cells under a
//   filled one merged into its rowspan, a header cell followed by empty header cells over a
//   sub-header merged by colspan; 【section】 lines as `#` headings, document titles (the
//   line before a date line) as `##` headings; a running head and a page number inserted
//   after a blank line every ~40 lines; two image references.
// - withoutDelimiters(text): the same text with every |---| row deleted.
//
// `node scripts/converter-forms.mjs` writes both forms of samples/changning-2023-02.txt to
// tests/fixtures/readers/ (a test checks that they are up to date).
import { readFileSync, writeFileSync } from 'node:fs';

const DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const DATE_LINE = /^\s*[（(]\s*\d{4}\s*年[^)）]*日\s*[)）]\s*$/;
const SECTION = /^\s*【[^】]+】\s*$/;
const isRow = (s) => s.trimStart().startsWith('|');

/** Cells of a pipe row: split on unescaped pipes, trimmed; `\|` unescaped. */
function cells(s) {
  let t = s.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  const out = [];
  let cur = '';
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\' && t[i + 1] === '|') {
      cur += '|';
      i++;
      continue;
    }
    if (t[i] === '|') {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += t[i];
  }
  out.push(cur.trim());
  return out;
}

/** One pipe table (header + body rows) as one line of HTML with rowspan/colspan. */
function htmlTable(rows) {
  const width = rows[0].length;
  const square = rows.every((r) => r.length === width);
  // span[r][c]: {rs, cs} for a cell that starts there, null for a covered position.
  const span = rows.map((r) => r.map(() => ({ rs: 1, cs: 1 })));
  if (square && rows.length > 1) {
    // A filled header cell followed by empty header cells over filled sub-header cells: colspan.
    const head = rows[0];
    let twoRowHeader = false;
    for (let c = 0; c < width; c++) {
      if (head[c] === '' || span[0][c] === null) continue;
      let k = c + 1;
      while (k < width && head[k] === '' && rows[1][k] !== '') k++;
      if (k - c > 1 && rows[1][c] !== '') {
        span[0][c].cs = k - c;
        for (let j = c + 1; j < k; j++) span[0][j] = null;
        twoRowHeader = true;
      }
    }
    // Empty cells under a filled one: the rowspan of that cell (in the body; from the header
    // only over the sub-header row of a two-row header).
    for (let c = 0; c < width; c++) {
      let owner = -1;
      for (let r = twoRowHeader ? 0 : 1; r < rows.length; r++) {
        if (span[r][c] === null) {
          owner = -1;
          continue;
        }
        if (rows[r][c] !== '' || span[r][c].cs > 1) {
          owner = r;
          continue;
        }
        if (owner < 0 || span[owner][c] === null || span[owner][c].cs > 1 || (owner === 0 && r > 1)) {
          owner = -1;
          continue;
        }
        span[owner][c].rs++;
        span[r][c] = null;
      }
    }
  }
  let out = '<table>';
  for (let r = 0; r < rows.length; r++) {
    out += '<tr>';
    for (let c = 0; c < rows[r].length; c++) {
      const s = span[r][c];
      if (s === null) continue;
      out += `<td${s.rs > 1 ? ` rowspan="${s.rs}"` : ''}${s.cs > 1 ? ` colspan="${s.cs}"` : ''}>${rows[r][c]}</td>`;
    }
    out += '</tr>';
  }
  return out + '</table>';
}

export function converterMarkdown(text, head = '上海市长宁区人民政府公报 2023 年第 2 期') {
  const lines = text.split('\n');
  const out = [];
  let sinceFurniture = 0;
  let page = 1;
  let images = 0;
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i];
    // A pipe table: header, delimiter row, body rows.
    if (isRow(s) && i + 1 < lines.length && DELIMITER.test(lines[i + 1])) {
      const rows = [cells(s)];
      let j = i + 2;
      while (j < lines.length && isRow(lines[j])) rows.push(cells(lines[j++]));
      out.push(htmlTable(rows));
      sinceFurniture += j - i;
      i = j - 1;
      continue;
    }
    if (SECTION.test(s)) out.push(`# ${s.trim()}`);
    else if (s.trim() !== '' && !isRow(s) && nextNonBlank(lines, i + 1) !== null && DATE_LINE.test(lines[nextNonBlank(lines, i + 1)]))
      out.push(`## ${s.trim()}`);
    else out.push(s);
    sinceFurniture++;
    // Page furniture after a blank line that follows text, every ~40 lines.
    if (s.trim() === '' && i > 0 && lines[i - 1].trim() !== '' && sinceFurniture >= 40 && i + 1 < lines.length) {
      out.push(head, '', String(++page), '');
      if (page % 25 === 3 && images < 2) {
        out.push(`![](images/${(page * 7919).toString(16)}.jpg)`, '');
        images++;
      }
      sinceFurniture = 0;
    }
  }
  return out.join('\n');
}

function nextNonBlank(lines, from) {
  for (let k = from; k < lines.length && k < from + 4; k++) if (lines[k].trim() !== '') return k;
  return null;
}

export function withoutDelimiters(text) {
  const lines = text.split('\n');
  return lines.filter((s, i) => !(i > 0 && isRow(lines[i - 1]) && DELIMITER.test(s))).join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = readFileSync('samples/changning-2023-02.txt', 'utf8');
  writeFileSync('tests/fixtures/readers/changning-2023-02.md', converterMarkdown(text));
  writeFileSync('tests/fixtures/readers/changning-2023-02.nosep.txt', withoutDelimiters(text));
}
