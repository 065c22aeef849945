/**
 * The review summary as a person sees it: `govreport review` on a folder of reports (the
 * examples, two years of one body, a late report, a copied one, and the corpus and seeds when
 * ../shared is there), then index.html opened from the file in headless Chromium (Debian's,
 * through playwright-core) — rows, a sorted column, a filter, the charts drawn, a report's own
 * page — with screenshots in test-results/. Slow (a browser): `npm run test:review`.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from '../support/seeds';
import { makeBatch, type Batch } from '../support/reviewBatch';

const CHROMIUM = process.env.GOVREPORT_E2E_CHROMIUM || '/usr/bin/chromium';
const RESULTS = path.join(REPO_ROOT, 'test-results');
const skip = fs.existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-wqy-zenhei)`;
if (skip) console.log(`# skipping the review browser tests: ${skip}`);

describe('review summary in a browser', { skip }, () => {
  let batch: Batch;
  let out: string;
  let browser: Browser;
  let page: Page;
  let rows: number;
  const errors: string[] = [];

  before(async () => {
    batch = makeBatch();
    if (!batch.withShared) console.log('# ../shared/corpus or ../shared/seeds is absent: the batch is the examples and the added reports only');
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-review-out-'));
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'review', batch.dir, '-o', out, '--jobs', '2'], { encoding: 'utf8', timeout: 120000 });
    assert.equal(r.status, 0, r.stderr);
    rows = batch.files.length;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('pageerror', (e) => errors.push(String(e)));
    // The page is self-contained: any request beyond the file itself is a failure.
    page.on('request', (req) => {
      if (!req.url().startsWith('file:') && !req.url().startsWith('data:')) errors.push(`request to ${req.url()}`);
    });
    fs.mkdirSync(RESULTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    if (out) fs.rmSync(out, { recursive: true, force: true });
    if (batch) fs.rmSync(batch.dir, { recursive: true, force: true });
  });

  it('writes index.html, summary.csv and summary.xlsx', () => {
    for (const f of ['index.html', 'summary.csv', 'summary.xlsx']) assert.ok(fs.statSync(path.join(out, f)).size > 0, f);
    const csv = fs.readFileSync(path.join(out, 'summary.csv'), 'utf8');
    assert.equal(csv.trimEnd().split('\r\n').length, rows + 1);
  });

  it('shows one row per report, and the charts drawn', async () => {
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    await page.waitForSelector('#chart-rules[data-rendered=true]', { timeout: 20000 });
    await page.waitForSelector('#chart-bodies[data-rendered=true]', { timeout: 20000 });
    assert.equal(await page.locator('tr.report-row').count(), rows);
    assert.equal(await page.locator('#row-count').textContent(), `显示 ${rows} / ${rows} 份报告`);
    assert.equal(await page.locator('#chart-rules canvas').count(), 1);
    // Two years of 城关镇人民政府: the year-on-year table and its chart.
    assert.ok((await page.locator('#year-on-year ~ h3').allTextContents()).some((t) => t.startsWith('城关镇人民政府（2023、2024）')));
    await page.waitForSelector('#yoy-0[data-rendered=true]', { timeout: 20000 });
    await page.screenshot({ path: path.join(RESULTS, 'review-overview.png'), fullPage: false });
    await page.locator('#charts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, 'review-charts.png') });
    assert.deepEqual(errors, []);
  });

  it('sorts by a column, both ways', async () => {
    const errorsColumn = async () => (await page.locator('tr.report-row td[data-key=error]').allTextContents()).map(Number);
    await page.locator('th[data-key=error]').click();
    const up = await errorsColumn();
    assert.deepEqual(up, [...up].sort((a, b) => a - b));
    assert.equal(await page.locator('th[data-key=error]').getAttribute('aria-sort'), 'ascending');
    await page.locator('th[data-key=error]').click();
    const down = await errorsColumn();
    assert.deepEqual(down, [...down].sort((a, b) => b - a));
    assert.ok(down[0] > 0, 'the worst report has errors');
  });

  it('filters: the late report is the one marked late', async () => {
    await page.selectOption('#filter-status', 'late');
    const bodies = await page.locator('tr.report-row td[data-key=body]').allTextContents();
    assert.ok(bodies.includes('河口镇人民政府'), bodies.join(', '));
    await page.selectOption('#filter-status', '');
    await page.fill('#filter', '石滩镇');
    assert.equal(await page.locator('tr.report-row').count(), 1);
    await page.fill('#filter', '');
    assert.equal(await page.locator('tr.report-row').count(), rows);
  });

  it('a report’s page lists its findings with the text quoted', async () => {
    await page.fill('#filter', '石滩镇');
    await page.locator('tr.report-row td[data-key=body] a').click();
    await page.waitForSelector('#report-title');
    assert.match((await page.locator('#report-title').textContent()) ?? '', /^石滩镇人民政府 2023年度$/);
    const reuse = page.locator('tr.finding', { hasText: 'text-reuse' });
    assert.ok((await reuse.count()) >= 1);
    assert.match((await reuse.first().locator('td').nth(3).textContent()) ?? '', /内容雷同/);
    assert.ok(((await reuse.first().locator('mark').textContent()) ?? '').includes('一、总体情况'));
    await page.screenshot({ path: path.join(RESULTS, 'review-report.png'), fullPage: true });
    await page.goBack();
    await page.waitForSelector('tr.report-row');
    assert.deepEqual(errors, []);
  });
});
