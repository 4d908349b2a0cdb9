import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (pkg: string, entry = 'index.ts') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${entry}`, import.meta.url));

/**
 * Test config every package extends: workspace packages resolve to their sources, so tests and
 * type checks need no build first (tsconfig.base.json's `paths` does the same for tsc).
 */
export default defineConfig({
  resolve: {
    // Exact matches, so `@plexmcp/sdk` does not swallow `@plexmcp/sdk/mcp`.
    alias: [
      { find: /^@plexmcp\/plex-emulator$/, replacement: source('plex-emulator') },
      { find: /^@plexmcp\/plex-client$/, replacement: source('plex-client') },
      { find: /^@plexmcp\/plex-tools$/, replacement: source('plex-tools') },
      // Test-only fixtures, not in the published package.
      {
        find: /^@plexmcp\/plex-tools\/sample-args$/,
        replacement: source('plex-tools', 'testing/sample-args.ts'),
      },
      { find: /^@plexmcp\/mcp-server$/, replacement: source('mcp-server') },
      { find: /^@plexmcp\/platform$/, replacement: source('platform') },
      { find: /^@plexmcp\/sdk$/, replacement: source('sdk') },
      { find: /^@plexmcp\/sdk\/mcp$/, replacement: source('sdk', 'mcp/index.ts') },
      { find: /^@plexmcp\/sdk\/codegen$/, replacement: source('sdk', 'codegen/index.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts'],
    // A worker keeps its module cache from one test file to the next instead of importing every
    // package's sources again per file: plex-tools' suite went from 130 s to 42 s and the
    // emulator's from 130 s to 30 s (most of it was import time), which CI's 20-minute budget
    // needs (measured side by side on the shared 2-core machine). So tests must not depend on fresh
    // module state: a package whose tests do (module mocks of a shared module) sets
    // `isolate: true` in its own config.
    isolate: false,
  },
});
