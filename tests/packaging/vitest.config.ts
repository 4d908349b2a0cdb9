import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Packing and installing happen once for every file; see global-setup.ts.
    globalSetup: ['src/global-setup.ts'],
    // npm installs and child processes: seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
