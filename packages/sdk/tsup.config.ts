import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    mcp: 'src/mcp/index.ts',
    codegen: 'src/codegen/index.ts',
    'codegen-cli': 'src/codegen/main.ts',
  },
  format: ['esm'],
  target: 'node20',
  dts: {
    entry: { index: 'src/index.ts', mcp: 'src/mcp/index.ts', codegen: 'src/codegen/index.ts' },
  },
  clean: true,
  // The MCP SDK is an optional peer: only `@plexmcp/sdk/mcp` loads it.
  external: [/^@modelcontextprotocol\//],
  sourcemap: true,
});
