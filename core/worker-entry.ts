import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The folder of compiled workers set by useCompiledWorkers, else undefined. */
let compiledFolder: string | undefined;

/**
 * Workers found after this call are the compiled ones in `folder` (the `backoffice` bundle, dist/cli), even for
 * code run from the .ts sources; undefined goes back to finding them beside the caller. For a benchmark, which
 * measures the workers a user runs rather than tsx transpiling the sources again in every new thread.
 */
export function useCompiledWorkers(folder: string | undefined): void {
  compiledFolder = folder;
}

/**
 * The entry of a worker thread `name` (a module beside `from`, the caller's import.meta.url). From the `backoffice`
 * command's bundle: `name.cjs` compiled beside it (scripts/cli-build.mjs); undefined in a bundle without one
 * (Electron's main process), where the caller does the work in itself. From the .ts sources (tests,
 * benchmarks): registers tsx's loader (a worker does not inherit its parent's) and loads `name.ts`.
 */
export function workerEntry(from: string, name: string): URL | undefined {
  if (compiledFolder !== undefined) return pathToFileURL(path.join(compiledFolder, `${name}.cjs`));
  if (!from.endsWith('.ts')) {
    const compiled = new URL(`./${name}.cjs`, from);
    return existsSync(fileURLToPath(compiled)) ? compiled : undefined;
  }
  // require.resolve gives the CommonJS build; its ES module sibling is the one a module worker can import.
  const tsxApi = pathToFileURL(
    createRequire(from)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const worker = new URL(`./${name}.ts`, from).href;
  const code = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(worker)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
