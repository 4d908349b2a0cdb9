import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (pkg: string) =>
  fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

/**
 * Test config every package extends: workspace packages resolve to their sources, so tests and
 * type checks need no build first (tsconfig.base.json's `paths` does the same for tsc).
 */
export default defineConfig({
  resolve: {
    alias: {
      '@plexmcp/plex-emulator': source('plex-emulator'),
      '@plexmcp/plex-client': source('plex-client'),
      '@plexmcp/plex-tools': source('plex-tools'),
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
