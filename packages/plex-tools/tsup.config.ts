import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/sample-args.ts'],
  format: ['esm'],
  target: 'node20',
  dts: true,
  clean: true,
  sourcemap: true,
});
