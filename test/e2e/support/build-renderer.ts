import { join } from 'node:path';
import { buildRendererIfStale as build } from '../../../scripts/renderer-build.mjs';

export const REPO = join(import.meta.dirname, '..', '..', '..');
export const RENDERER_DIST = join(REPO, 'dist', 'renderer');

/** dist/renderer, built (scripts/renderer-build.mjs) only when a source is newer than the last build. */
export function buildRendererIfStale(): void {
  build(REPO);
}
