#!/usr/bin/env node
// Bundles Electron's main process and preload (TypeScript) into dist/electron/*.cjs with esbuild.
// Only our own code is bundled: every npm package stays external and is loaded from node_modules at run
// time (electron-builder packs the production dependencies), because better-sqlite3 is native and pdfkit
// and the fonts read data files that sit next to their modules.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A CommonJS bundle has no import.meta: give modules that ask for it the bundle's own file URL. */
const importMetaUrl = {
  banner: { js: "const __bundle_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundle_import_meta_url' },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  packages: 'external',
  external: ['electron', 'better-sqlite3'],
  sourcemap: true,
  logLevel: 'warning',
};

export async function buildElectron(outDir = path.join(root, 'dist', 'electron')) {
  await Promise.all([
    build({ ...common, ...importMetaUrl, entryPoints: ['electron/main.ts'], outfile: path.join(outDir, 'main.cjs') }),
    // The preload runs sandboxed: it may require only 'electron', so everything else it uses is bundled in.
    build({
      ...common,
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
