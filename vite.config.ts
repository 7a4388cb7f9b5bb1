import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The renderer: built once into dist/renderer and loaded by Electron (file://) or the browser host
 * (http://127.0.0.1). `base: './'` keeps every asset URL relative so both work; no inline scripts, because
 * both hosts send a Content-Security-Policy without 'unsafe-inline'.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Vite otherwise inlines small assets and the module preload polyfill as data:/inline code.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // One bundle for a desktop app read from disk; zod's locales make it large, and that is fine.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // @tanstack/react-query marks its modules "use client" for server-component bundlers; this is all client.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  oxc: {
    jsx: { runtime: 'automatic' },
  },
  // Development: `backoffice serve --port 4310`, then `BACKOFFICE_API=http://127.0.0.1:4310 npx vite` and open
  // the dev server with the printed `?token=`. The host checks the Host header, hence changeOrigin.
  server: {
    host: '127.0.0.1',
    proxy: process.env.BACKOFFICE_API
      ? {
          '/fonts': { target: process.env.BACKOFFICE_API, changeOrigin: true },
          '/api': {
            target: process.env.BACKOFFICE_API,
            changeOrigin: true,
            // renderer/api/*.ts are this server's own modules: only calls and the catalog go to the host.
            bypass: (req) => (req.method === 'POST' || req.url?.startsWith('/api/operations') ? undefined : req.url),
          },
        }
      : undefined,
  },
});
