#!/usr/bin/env node
// Renders resources/build/icon.svg, the one source of the app's icons, into resources/build/icon.png
// (1024 × 1024), from which electron-builder makes the macOS .icns, the Windows .ico and the Linux icon set.
// Run it after changing the SVG: `node scripts/make-icon.mjs` (needs Chromium, as the end-to-end tests do).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const build = fileURLToPath(new URL('../resources/build/', import.meta.url));
const svg = readFileSync(`${build}icon.svg`, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: `${build}icon.png`, omitBackground: true });
  console.log(`wrote ${build}icon.png`);
} finally {
  await browser.close();
}
