import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  target: 'node20',
  dts: { entry: 'src/index.ts' },
  clean: true,
  // Our own packages are bundled in (one file to load at start); third-party ones stay external.
  noExternal: [/^@plexmcp\//],
  sourcemap: true,
});
