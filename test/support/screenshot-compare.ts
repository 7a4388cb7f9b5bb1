import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** Set to 1 to write the screenshots taken as the new baselines (README, "Screenshots"). */
export const UPDATE_SCREENSHOTS_ENV = 'BACKOFFICE_UPDATE_SCREENSHOTS';

/**
 * The tolerance: a pixel differs when its colour is further than pixelmatch's threshold (anti-aliased edges
 * are detected and ignored), and a screenshot matches while at most MAX_DIFF_PIXELS pixels differ. Runs on
 * one machine differ by none (fixed clock, bundled fonts, animations and the caret off); the margin absorbs a
 * stray sub-pixel, not a changed word.
 */
export const PIXEL_THRESHOLD = 0.1;
export const MAX_DIFF_PIXELS = 40;

export interface ScreenshotFolders {
  /** Committed baselines, NAME.png. */
  baselines: string;
  /** Where the screenshot taken is written (NAME.png), and on a mismatch NAME.expected.png and NAME.diff.png. */
  output: string;
}

export type ScreenshotVerdict =
  | { kind: 'match'; diffPixels: number }
  | { kind: 'written'; baseline: string }
  | { kind: 'missing'; baseline: string }
  | { kind: 'size'; expected: string; actual: string }
  | { kind: 'differs'; diffPixels: number; diff: string };

/**
 * Compares a screenshot with its committed baseline. `update` writes it as the baseline instead. The
 * screenshot is always kept in the output folder; on a mismatch the baseline and a diff image (changed pixels
 * in red over a faded copy) are written beside it.
 */
export function compareScreenshot(
  name: string,
  png: Buffer,
  folders: ScreenshotFolders,
  update: boolean,
): ScreenshotVerdict {
  mkdirSync(folders.output, { recursive: true });
  writeFileSync(path.join(folders.output, `${name}.png`), png);
  const baseline = path.join(folders.baselines, `${name}.png`);
  if (update) {
    mkdirSync(folders.baselines, { recursive: true });
    writeFileSync(baseline, png);
    return { kind: 'written', baseline };
  }
  if (!existsSync(baseline)) return { kind: 'missing', baseline };
  const expected = PNG.sync.read(readFileSync(baseline));
  const actual = PNG.sync.read(png);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(path.join(folders.output, `${name}.expected.png`), PNG.sync.write(expected));
    return {
      kind: 'size',
      expected: `${expected.width}×${expected.height}`,
      actual: `${actual.width}×${actual.height}`,
    };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const diffPixels = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: PIXEL_THRESHOLD,
  });
  if (diffPixels <= MAX_DIFF_PIXELS) return { kind: 'match', diffPixels };
  const diffFile = path.join(folders.output, `${name}.diff.png`);
  writeFileSync(diffFile, PNG.sync.write(diff));
  writeFileSync(path.join(folders.output, `${name}.expected.png`), PNG.sync.write(expected));
  return { kind: 'differs', diffPixels, diff: diffFile };
}

/** The verdict as an error to fail the test with, or null when the screenshot matches (or was written). */
export function screenshotProblem(name: string, verdict: ScreenshotVerdict): string | null {
  const again = `run again with ${UPDATE_SCREENSHOTS_ENV}=1 if the change is intended`;
  switch (verdict.kind) {
    case 'match':
    case 'written':
      return null;
    case 'missing':
      return `screenshot ${name}: no baseline ${verdict.baseline}; ${again}`;
    case 'size':
      return `screenshot ${name}: ${verdict.actual} instead of ${verdict.expected}; ${again}`;
    case 'differs':
      return `screenshot ${name}: ${verdict.diffPixels} pixels differ (at most ${MAX_DIFF_PIXELS}), see ${verdict.diff}; ${again}`;
  }
}
