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
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) requests.push(req.url());
    });
    await page.goto(pathToFileURL(join(out, 'report.html')).href);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the masthead, contents, documents, people, sluices, anomalies and source', async () => {
    await expect(page.locator('header.mast h1').textContent()).resolves.toBe('上海市长宁区人民政府公报');
    await expect(page.locator('header.mast p').first().textContent()).resolves.toContain('2023 年第 2 期');
    const issue = JSON.parse(readFileSync(join(out, 'issue.json'), 'utf8'));
    expect(await page.locator('nav#toc a[href^="#doc-"]').count()).toBe(issue.documents.length);
    expect(await page.locator('article.doc').count()).toBe(issue.documents.length);
    expect(await page.locator('#documents table').count()).toBe(issue.tables.length);
    expect(await page.locator('#people tr').count()).toBeGreaterThan(issue.appointments.length);
    expect(await page.locator('#sluices svg').count()).toBe(issue.sluices.length);
    expect(await page.locator('#anomalies tr.anomaly').count()).toBe(issue.anomalies.length);
    expect(await page.locator('#source > div').count()).toBe(issue.source.lines);
    expect(requests).toEqual([]);
  });

  it('an anomaly link scrolls the source to its line and highlights it', async () => {
    const link = page.locator('#anomalies tr.anomaly a.ln').nth(3);
    const line = Number(await link.getAttribute('data-line'));
    await link.click();
    await page.waitForFunction((n) => document.getElementById(`L${n}`)?.classList.contains('hl'), line);
    expect(new URL(page.url()).hash).toBe(`#L${line}`);
    const visible = await page.evaluate((n) => {
      const el = document.getElementById(`L${n}`)!.getBoundingClientRect();
      const pane = document.getElementById('source')!.getBoundingClientRect();
      return el.top >= pane.top && el.bottom <= pane.bottom && el.top >= 0 && el.bottom <= window.innerHeight;
    }, line);
    expect(visible).toBe(true);
    const text = await page.locator(`#L${line}`).textContent();
    const anomalies = JSON.parse(readFileSync(join(out, 'anomalies.json'), 'utf8'));
    const a = anomalies.find((x: { line: number }) => x.line === line);
    expect(text).toContain(a.evidence.trim().slice(0, 10));
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/report-anomaly.png' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'test-results/report.png' });
  });
});
