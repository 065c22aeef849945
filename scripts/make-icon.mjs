// Renders media/icon.svg to media/icon.png (128×128, the Marketplace's size) with the headless
// Chromium the e2e tests use, through playwright-core (already a devDependency): no image
// library to install for one picture. The PNG is committed; run this after editing the SVG.
//
//   node scripts/make-icon.mjs            (GOVREPORT_E2E_CHROMIUM overrides /usr/bin/chromium)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const svg = readFileSync(path.join(root, 'media', 'icon.svg'), 'utf8');
const SIZE = 128;

const browser = await chromium.launch({
  executablePath: process.env.GOVREPORT_E2E_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  timeout: 30_000,
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true, timeout: 10_000 });
  // A PNG's IHDR holds its width and height: check the size before writing.
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width !== SIZE || height !== SIZE) throw new Error(`rendered ${width}×${height}, expected ${SIZE}×${SIZE}`);
  writeFileSync(path.join(root, 'media', 'icon.png'), png);
  console.log(`media/icon.png: ${width}×${height}, ${png.length} bytes`);
} finally {
  await browser.close();
}
