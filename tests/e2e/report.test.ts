/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const out = join(mkdtempSync(join(tmpdir(), 'gb-report-')), 'out');
let browser: Browser;
let page: Page;
const requests: string[] = [];
/** The id of a document's article (report.ts). */
const docAnchor = (id: string): string => `doc-${encodeURIComponent(id).replace(/%/g, '_')}`;
const consoleErrors: string[] = [];

describe('report.html in headless Chromium', () => {
  beforeAll(async () => {
    // In CI a missing browser is a failure, never a skip (.ci/run installs Debian's chromium).
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
    const r = spawnSync(process.execPath, ['bin/gongbao', 'export', 'samples/changning-2023-02.txt', '--out', out, '-q'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(String(err)));
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) requests.push(req.url());
    });
    await page.goto(pathToFileURL(join(out, 'report.html')).href);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the masthead, contents, documents with their text, people, sluices, anomalies', async () => {
    await expect(page.locator('header.mast h1').textContent()).resolves.toBe('上海市长宁区人民政府公报');
    await expect(page.locator('header.mast p').first().textContent()).resolves.toContain('2023 年第 2 期');
    const issue = JSON.parse(readFileSync(join(out, 'issue.json'), 'utf8'));
    expect(await page.locator('nav#toc a[href^="#doc-"]').count()).toBe(issue.documents.length);
    expect(await page.locator('article.doc').count()).toBe(issue.documents.length);
    expect(await page.locator('#documents table').count()).toBe(issue.tables.length);
    expect(await page.locator('#people tr').count()).toBeGreaterThan(issue.appointments.length);
    expect(await page.locator('#sluices svg').count()).toBe(issue.sluices.length);
    expect(await page.locator('#anomalies tr.anomaly').count()).toBe(issue.anomalies.length);
    // every line has one anchor, in its document's reading text or under Other lines; every anomaly a note
    const anchors = await page.evaluate(() => [...document.querySelectorAll('[id]')].filter((e) => /^L\d+$/.test(e.id)).length);
    expect(anchors).toBe(issue.source.lines);
    expect(await page.locator('.text .note').count()).toBe(issue.anomalies.length);
    expect(await page.locator('article.doc .reading [id^="L"]').count()).toBeGreaterThan(issue.source.lines / 2);
    // the lines as in the file are there too, collapsed, one view a document
    expect(await page.locator('article.doc details.raw').count()).toBe(issue.documents.length);
    expect(await page.locator('details.raw[open]').count()).toBe(0);
    expect(requests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('every internal link resolves and every id is unique', async () => {
    const { missing, dupes, links } = await page.evaluate(() => {
      const all = [...document.querySelectorAll('[id]')].map((e) => e.id);
      const seen = new Set<string>();
      const dupes = all.filter((i) => (seen.has(i) ? true : (seen.add(i), false)));
      const hrefs = [...document.querySelectorAll('a[href^="#"]')].map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1)));
      return { missing: hrefs.filter((h) => !document.getElementById(h)), dupes, links: hrefs.length };
    });
    expect(links).toBeGreaterThan(500);
    expect(missing).toEqual([]);
    expect(dupes).toEqual([]);
    // the links to the map files resolve too
    const svgs = await page.locator('#sluices figcaption a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(svgs.length).toBeGreaterThan(0);
    for (const f of svgs) expect(existsSync(join(out, f)), f).toBe(true);
  });

  it('an anomaly link scrolls its line into view and highlights it', async () => {
    const link = page.locator('#anomalies tr.anomaly a.ln').first();
    const line = Number(await link.getAttribute('data-line'));
    await link.click();
    // what holds the line (a line of text, a table row) is highlighted
    await page.waitForFunction((n) => document.getElementById(`L${n}`)?.closest('.l,tr,.b')?.classList.contains('hl'), line);
    expect(new URL(page.url()).hash).toBe(`#L${line}`);
    const visible = await page.evaluate((n) => {
      const el = document.getElementById(`L${n}`)!.getBoundingClientRect();
      return el.top >= 0 && el.bottom <= window.innerHeight;
    }, line);
    expect(visible).toBe(true);
    // the line sits in its document (the sample's error is on a row of a stake table), with the anomaly's note under its row
    const anomalies = JSON.parse(readFileSync(join(out, 'anomalies.json'), 'utf8'));
    const a = anomalies.find((x: { line: number }) => x.line === line);
    const held = await page.evaluate((n) => {
      const row = document.getElementById(`L${n}`)!.closest('tr')!;
      return { article: row.closest('article')?.id, text: row.textContent, next: row.nextElementSibling?.textContent ?? '' };
    }, line);
    expect(held.article).toBe(docAnchor(a.documentId));
    const cells = a.evidence
      .split('|')
      .map((c: string) => c.trim())
      .filter(Boolean);
    expect(cells.length).toBeGreaterThan(2);
    for (const c of cells) expect(held.text).toContain(c);
    expect(held.next).toContain(a.code);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/report-anomaly.png' });
  });

  it('the filters show one severity or one code, and say how many', async () => {
    await page.selectOption('#f-sev', 'error');
    expect(await page.locator('#anomalies tr.anomaly:visible').count()).toBe(1);
    await expect(page.locator('#f-count').textContent()).resolves.toBe('1 shown');
    expect(await page.locator('#anomalies-warning').isVisible()).toBe(false);
    await page.selectOption('#f-sev', '');
    const code = await page.locator('#f-code option').nth(1).textContent();
    await page.selectOption('#f-code', code!);
    const rows = await page.locator('#anomalies tr.anomaly:visible').evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.code));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows)).toEqual(new Set([code]));
    await page.selectOption('#f-code', '');
    expect(await page.locator('#anomalies tr.anomaly:visible').count()).toBe(await page.locator('#anomalies tr.anomaly').count());
  });

  it('reads each document as its Markdown export: tables once, in place of their lines; joined paragraphs; the raw lines on request', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const issue = JSON.parse(readFileSync(join(out, 'issue.json'), 'utf8'));
    const r = await page.evaluate(() => {
      const reading = [...document.querySelectorAll('article.doc .reading')];
      const text = reading.map((e) => (e as HTMLElement).innerText).join('\n');
      // a line of the reading text that is a raw pipe-table row
      const pipes = text.split('\n').filter((l) => /^\s*(\d+\s*)?\|.*\|\s*$/.test(l));
      const tables = reading.flatMap((e) => [...e.querySelectorAll('table')]).map((t) => t.id);
      const joined = document.querySelectorAll('.reading .p a.j').length;
      return { pipes, tables, joined };
    });
    expect(r.pipes).toEqual([]);
    expect(r.tables).toEqual(issue.tables.filter((t: { documentId: string | null }) => t.documentId).map((t: { id: string }) => t.id));
    expect(r.joined).toBeGreaterThan(20);
    // the collapsed view opens on the lines exactly as in the file, the table rows with their pipes
    const doc = issue.tables[0].documentId;
    const details = page.locator(`#${docAnchor(doc)} details.raw`);
    await details.locator('summary').click();
    const raw = await details.locator('.l').allInnerTexts();
    const first = issue.documents.find((d: { id: string }) => d.id === doc).span.startLine;
    const lines = readFileSync('samples/changning-2023-02.txt', 'utf8').split('\n');
    const at = issue.tables[0].span.startLine;
    expect(raw[at - first]).toContain(lines[at - 1]!.trim());
    expect(raw.some((l) => l.includes('|'))).toBe(true);
    // a line number there leads to the line in the reading text
    await details.locator(`a.ln[data-line="${at}"]`).click();
    await page.waitForFunction((n) => document.getElementById(`L${n}`)?.closest('.l,tr,.b')?.classList.contains('hl'), at);
    await details.locator('summary').click();
    expect(consoleErrors).toEqual([]);
  });

  for (const width of [400, 420, 1280]) {
    it(`lays out at ${width} px: the text column uses the width, maps fill it, nothing overflows the page`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => window.scrollTo(0, 0));
      const m = await page.evaluate(() => {
        const content = document.querySelector('.content')!.getBoundingClientRect();
        const svg = document.querySelector('#sluices svg')!.getBoundingClientRect();
        return { content: content.width, svg: svg.width, page: document.documentElement.scrollWidth, view: window.innerWidth };
      });
      expect(m.content).toBeGreaterThan(width < 700 ? width * 0.9 : width - 320);
      expect(m.svg).toBeGreaterThan(m.content * 0.8);
      expect(m.page).toBeLessThanOrEqual(m.view);
      // a document's reading text with its tables fits too: the table scrolls inside its box, the page does not
      const table = await page.evaluate(() => {
        const t = document.querySelector('article.doc .reading table')!;
        t.scrollIntoView();
        return { right: t.getBoundingClientRect().right, page: document.documentElement.scrollWidth };
      });
      expect(table.right).toBeLessThanOrEqual(width + 1);
      expect(table.page).toBeLessThanOrEqual(width);
      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: `test-results/report-${width}.png` });
      expect(consoleErrors).toEqual([]);
    });
  }
});
