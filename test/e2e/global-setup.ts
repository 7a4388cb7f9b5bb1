import { buildRendererIfStale } from './support/build-renderer';

/** Builds the renderer once for the whole run; every e2e file then serves the same dist/renderer. */
export default function setup(): void {
  buildRendererIfStale();
}
