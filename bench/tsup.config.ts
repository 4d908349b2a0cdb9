import { defineConfig } from 'tsup';

// The bench runs as plain JS against the BUILT packages: dependencies stay external and resolve
// through node_modules to each package's dist/, never to src/ via the tsconfig `paths`.
export default defineConfig({
  // scale-child runs in its own process (scale.ts spawns it next to the running file).
  entry: ['src/main.ts', 'src/scale-child.ts'],
  format: ['esm'],
  target: 'node20',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  external: [/^@plexmcp\//, /^@modelcontextprotocol\//],
});
