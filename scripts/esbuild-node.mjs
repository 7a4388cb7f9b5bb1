// The esbuild setup shared by the bundles that run in Node: Electron's main process (build-electron.mjs) and
// the `backoffice` command (cli-build.mjs). Only our own code is bundled: every npm package stays external
// and is loaded from node_modules at run time, because better-sqlite3 is native and pdfkit and the fonts
// read data files that sit next to their modules. CommonJS, so that a package is required where the module
// that uses it first runs (a command loads only what it needs), not all at start-up as ES module imports are.

/** A CommonJS bundle has no import.meta: give modules that ask for it the bundle's own file URL. */
const importMetaUrl = {
  banner: { js: "const __bundle_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundle_import_meta_url' },
};

/** esbuild options for a Node bundle of this checkout (`root`), for the given Node version (`target`). */
export function nodeBundleOptions(root, target) {
  return {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target,
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    ...importMetaUrl,
  };
}
