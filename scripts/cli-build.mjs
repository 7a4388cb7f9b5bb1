#!/usr/bin/env node
// The `backoffice` command's compiled form, dist/cli: core/cli bundled by esbuild (esbuild-node.mjs, the setup
// Electron's main process shares), the statement renderer's and the bank matcher's workers as entries of their own, and the text of
// `backoffice --help`. Made by `npm ci` (package.json's prepare step) and again by bin/backoffice.mjs when a
// file it was made from has changed since, so an edit in core/ shows at the next run. Nothing is transpiled
// at run time. Run directly (`node scripts/cli-build.mjs`) to rebuild.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBuildLock } from './build-lock.mjs';
import { cliIsUpToDate, cliPaths, fingerprint } from './cli-bundle.mjs';
import { nodeBundleOptions } from './esbuild-node.mjs';

/** package.json's engines.node: the oldest Node the command runs on. */
const TARGET = 'node20.19';

/** What the bundle depends on besides the sources esbuild reports reading. */
const BUILD_FILES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'scripts/cli-build.mjs',
  'scripts/cli-bundle.mjs',
  'scripts/esbuild-node.mjs',
];

/** Builds dist/cli from the sources (each output file replaced whole, the inputs record last). */
export async function buildCli(root) {
  const { build } = await import('esbuild');
  const paths = cliPaths(root);
  const staging = `${paths.dir}.build-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const result = await build({
      ...nodeBundleOptions(root, TARGET),
      entryPoints: {
        backoffice: 'core/cli/main.ts',
        'render-worker': 'core/close/render-worker.ts',
        'match-worker': 'core/reconcile/match-worker.ts',
      },
      outdir: staging,
      outExtension: { '.js': '.cjs' },
      metafile: true,
    });
    mkdirSync(paths.dir, { recursive: true });
    // A process running the previous bundle keeps the file it opened: renaming over it is atomic.
    for (const output of Object.keys(result.metafile.outputs)) {
      renameSync(path.join(root, output), path.join(paths.dir, path.basename(output)));
    }
    const inputs = [
      ...Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/')),
      ...BUILD_FILES,
    ];
    const record = Object.fromEntries(inputs.map((file) => [file, fingerprint(path.join(root, file))]));
    writeFileAtomically(paths.help, await helpOf(paths.main));
    writeFileAtomically(paths.inputs, `${JSON.stringify(record, null, 2)}\n`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** `backoffice --help` as the fresh bundle prints it (loading every command once, here rather than at each run). */
async function helpOf(main) {
  const require = createRequire(import.meta.url);
  delete require.cache[main];
  return require(main).helpText();
}

function writeFileAtomically(file, text) {
  const temporary = `${file}.${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

const lockOf = (root) => path.join(root, 'dist', '.cli-build.lock');

/** Builds dist/cli when it is missing or stale, one process at a time; true when this call built it. */
export async function buildCliIfStale(root) {
  if (cliIsUpToDate(root)) return false;
  return withBuildLock(lockOf(root), async () => {
    if (cliIsUpToDate(root)) return false;
    await buildCli(root);
    return true;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    await import('esbuild');
  } catch {
    // An install without devDependencies: bin/backoffice.mjs says what to do if it ever runs.
    console.warn('esbuild is not installed: dist/cli not built');
    process.exit(0);
  }
  await withBuildLock(lockOf(root), () => buildCli(root));
  console.log(`built ${path.relative(root, cliPaths(root).dir)}`);
}
