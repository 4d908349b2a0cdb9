import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

export default mergeConfig(
  shared,
  defineConfig({
    resolve: {
      alias: {
        // The test checks the compose settings with the server's own config loader.
        '@plexmcp/mcp-server': fileURLToPath(
          new URL('../../packages/mcp-server/src/index.ts', import.meta.url),
        ),
      },
    },
  }),
);
