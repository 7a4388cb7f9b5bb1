#!/usr/bin/env node
// Bundles Electron's main process and preload (TypeScript) into dist/electron/*.cjs with esbuild, with the
// Node bundle setup the `backoffice` command shares (esbuild-node.mjs: our code bundled, npm packages
// external; electron-builder packs the production dependencies).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundleOptions } from './esbuild-node.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Electron 45's Node. */
const common = { ...nodeBundleOptions(root, 'node22'), external: ['electron', 'better-sqlite3'] };

export async function buildElectron(outDir = path.join(root, 'dist', 'electron')) {
  const { banner: _banner, define: _define, ...withoutImportMeta } = common;
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: path.join(outDir, 'main.cjs') }),
    // The preload runs sandboxed: it may require only 'electron', so everything else it uses is bundled in.
    build({
      ...withoutImportMeta,
      packages: undefined,
      entryPoints: ['electron/preload.ts'],
      outfile: path.join(outDir, 'preload.cjs'),
    }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildElectron();
  console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
}
