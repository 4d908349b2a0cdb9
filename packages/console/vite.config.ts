import { defineConfig } from 'vite';

// The console is served by plex-mcp-server under /console/ (the page itself also at /).
// Everything is hashed and bundled at build time: the server sends a strict
// Content-Security-Policy (scripts and styles from its own origin only), so nothing may be
// inlined into index.html.
export default defineConfig({
  base: '/console/',
  root: 'src/web',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // The module-preload polyfill would be an inline script the CSP refuses; every browser the
    // console supports preloads modules natively.
    modulePreload: { polyfill: false },
    // Assets are files with hashed names, never data: URLs inlined into the CSS or JS.
    assetsInlineLimit: 0,
    manifest: true,
    sourcemap: false,
  },
});
