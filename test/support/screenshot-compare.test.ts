import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../api/helpers';
import { compareScreenshot, MAX_DIFF_PIXELS, screenshotProblem } from './screenshot-compare';

/** A white image with `dots` black pixels along its first row. */
function png(width: number, height: number, dots = 0): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(255);
  for (let i = 0; i < dots; i++) image.data.fill(0, i * 4, i * 4 + 3);
  return PNG.sync.write(image);
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function folders() {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return { baselines: path.join(dir, 'baselines'), output: path.join(dir, 'out') };
}

describe('screenshots compared with their committed baselines', () => {
  it('writes the baseline when asked, then matches it within the tolerance and fails beyond, with a diff image', () => {
    const f = folders();
    expect(screenshotProblem('a', compareScreenshot('a', png(300, 100), f, false))).toMatch(
      /^screenshot a: no baseline .*baselines\/a\.png; run again with BACKOFFICE_UPDATE_SCREENSHOTS=1/,
    );
    expect(compareScreenshot('a', png(300, 100), f, true)).toEqual({
      kind: 'written',
      baseline: path.join(f.baselines, 'a.png'),
    });
    expect(compareScreenshot('a', png(300, 100), f, false)).toEqual({ kind: 'match', diffPixels: 0 });
    expect(compareScreenshot('a', png(300, 100, MAX_DIFF_PIXELS), f, false)).toMatchObject({ kind: 'match' });
    const verdict = compareScreenshot('a', png(300, 100, MAX_DIFF_PIXELS + 1), f, false);
    expect(verdict).toEqual({
      kind: 'differs',
      diffPixels: MAX_DIFF_PIXELS + 1,
      diff: path.join(f.output, 'a.diff.png'),
    });
    expect(PNG.sync.read(readFileSync(path.join(f.output, 'a.diff.png'))).width).toBe(300);
    expect(existsSync(path.join(f.output, 'a.expected.png'))).toBe(true);
    expect(screenshotProblem('a', verdict)).toMatch(
      /^screenshot a: 41 pixels differ \(at most 40\), see .*a\.diff\.png/,
    );
  });

  it('a screenshot of another size fails, naming both sizes', () => {
    const f = folders();
    compareScreenshot('b', png(300, 100), f, true);
    const verdict = compareScreenshot('b', png(300, 120), f, false);
    expect(verdict).toEqual({ kind: 'size', expected: '300×100', actual: '300×120' });
    expect(existsSync(path.join(f.output, 'b.png'))).toBe(true);
  });
});
