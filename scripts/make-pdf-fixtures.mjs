// The sample printed to PDF and read back with poppler's pdftotext, for
// tests/readers-pdftotext.test.ts:
//
// - pdfHtml(text): the sample as a printable page: every pipe table as a real <table> with
//   borders (header row in <thead>, repeated at page breaks; body rows; the |---| row dropped), every other non-blank line a
//   paragraph; A4 pages, a running head and the page number in the footer (print CSS and
//   Chromium's header/footer templates).
// - printPdf(html, pdfPath): that page printed to PDF by Debian's headless chromium, driven
//   by playwright-core.
// - pdftotext(pdfPath, layout): poppler's `pdftotext [-layout] FILE -` output.
//
// `node scripts/make-pdf-fixtures.mjs` writes tests/fixtures/readers/changning-2023-02.layout.txt
// (pdftotext -layout) and changning-2023-02.pdftotext.txt (plain pdftotext) from
// samples/changning-2023-02.txt; tests/fixtures/printed/changning-2023-02.indent.layout.txt,
// the sample printed with paragraphs indented two characters as 公文 are; and
// tests/fixtures/printed/gwy-2019-jan-feb.layout.txt from the real text of that
// name (State Council documents: another layout, another running head). Needs chromium,
// fonts-noto-cjk and poppler-utils.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HEAD = '上海市长宁区人民政府公报 2023 年第 2 期';

const DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const DATE_LINE = /^\s*[（(]\s*\d{4}\s*年[^)）]*日\s*[)）]\s*$/;
const SECTION = /^\s*【[^】]+】\s*$/;
const isRow = (s) => s.trimStart().startsWith('|');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Cells of a pipe row: split on unescaped pipes, trimmed. */
function cells(s) {
  let t = s.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

export function pdfHtml(text, head = HEAD, { indent = false } = {}) {
  const lines = text.split('\n');
  const body = [];
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i];
    if (isRow(s)) {
      const rows = [];
      let j = i;
      for (; j < lines.length && isRow(lines[j]); j++) if (!DELIMITER.test(lines[j])) rows.push(cells(lines[j]));
      // The header row in <thead>: Chromium repeats it on every page the table runs over.
      const tr = (r, tag) => `<tr>${r.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;
      body.push(
        `<table><thead>${tr(rows[0], 'th')}</thead><tbody>${rows
          .slice(1)
          .map((r) => tr(r, 'td'))
          .join('')}</tbody></table>`,
      );
      i = j - 1;
      continue;
    }
    if (s.trim() === '') continue;
    // As printed: 【section】 headers, document titles (the line before a date line) and
    // date lines centred; other lines are paragraphs.
    const next = lines.slice(i + 1, i + 4).find((t) => t.trim() !== '') ?? '';
    const centred = SECTION.test(s) || DATE_LINE.test(s) || (!isRow(s) && DATE_LINE.test(next));
    body.push(centred ? `<p class="c">${esc(s.trim())}</p>` : `<p>${esc(s.trim())}</p>`);
  }
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${head}</title>
<style>
@page { size: A4; margin: 22mm 20mm 20mm 20mm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 11pt; line-height: 1.5; }
p { margin: 0 0 0.35em 0; text-align: justify; }
p.c { text-align: center; margin: 0.6em 3em; }${indent ? '\np { margin: 0; text-indent: 2em; }\np.c { text-indent: 0; }' : ''}
table { border-collapse: collapse; margin: 0.4em 0 0.8em 0; font-size: 9.5pt; width: 100%; }
th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
</style></head><body>
${body.join('\n')}
</body></html>
`;
}

export async function printPdf(html, pdfPath, head = HEAD) {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'gb-pdf-'));
  // A fresh profile each time (launchPersistentContext is how playwright takes --user-data-dir).
  const browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({
      path: pdfPath,
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:8pt;width:100%;text-align:center;font-family:'Noto Sans CJK SC'">${head}</div>`,
      footerTemplate: `<div style="font-size:9pt;width:100%;text-align:center;font-family:'Noto Sans CJK SC'">— <span class="pageNumber"></span> —</div>`,
      margin: { top: '22mm', bottom: '20mm', left: '20mm', right: '20mm' },
    });
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdftotext(pdfPath, layout) {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdfPath, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
}

/** A real text of other documents (tests/fixtures/real/), printed the same way under its own running head. */
export const REAL = { name: 'gwy-2019-jan-feb', head: '中华人民共和国国务院公报 2019 年' };

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = mkdtempSync(join(tmpdir(), 'gb-pdf-out-'));
  const pdf = join(dir, 'changning-2023-02.pdf');
  await printPdf(pdfHtml(readFileSync('samples/changning-2023-02.txt', 'utf8')), pdf);
  writeFileSync('tests/fixtures/readers/changning-2023-02.layout.txt', pdftotext(pdf, true));
  writeFileSync('tests/fixtures/readers/changning-2023-02.pdftotext.txt', pdftotext(pdf, false));
  // As 公文 are printed (GB/T 9704): each paragraph two characters in, no space between them.
  const indented = join(dir, 'changning-2023-02.indent.pdf');
  await printPdf(pdfHtml(readFileSync('samples/changning-2023-02.txt', 'utf8'), HEAD, { indent: true }), indented);
  writeFileSync('tests/fixtures/printed/changning-2023-02.indent.layout.txt', pdftotext(indented, true));
  const real = join(dir, `${REAL.name}.pdf`);
  await printPdf(pdfHtml(readFileSync(`tests/fixtures/real/${REAL.name}.txt`, 'utf8'), REAL.head), real, REAL.head);
  writeFileSync(`tests/fixtures/printed/${REAL.name}.layout.txt`, pdftotext(real, true));
  if (process.argv.includes('--keep')) console.log(dir);
  else rmSync(dir, { recursive: true, force: true });
}
