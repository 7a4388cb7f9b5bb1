import type { TestProject } from 'vitest/node';
import { buildRendererIfStale } from './support/build-renderer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why the renderer could not be built for this run; null when dist/renderer is current. */
    rendererBuildError: string | null;
  }
}

/**
 * Builds the renderer once for the whole run; every e2e file then serves the same dist/renderer. A failed
 * build must not stop the unit tests of the rest of the tree: it is handed to the e2e files, which refuse
 * to start (startApp).
 */
export default function setup(project: TestProject): void {
  try {
    buildRendererIfStale();
    project.provide('rendererBuildError', null);
  } catch (error) {
    project.provide('rendererBuildError', error instanceof Error ? error.message : String(error));
  }
}
