import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The entry of a worker thread `name` (a module beside `from`, the caller's import.meta.url). From the `backoffice`
 * command's bundle: `name.cjs` compiled beside it (scripts/cli-build.mjs); undefined in a bundle without one
 * (Electron's main process), where the caller does the work in itself. From the .ts sources (tests,
 * benchmarks): registers tsx's loader (a worker does not inherit its parent's) and loads `name.ts`.
 */
export function workerEntry(from: string, name: string): URL | undefined {
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
