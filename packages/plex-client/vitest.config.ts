import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // Type tests (`*.test-d.ts`) run with the others: `tsc` checks them, and a failed
      // `expectTypeOf` or an unused `@ts-expect-error` fails the run.
      typecheck: {
        enabled: true,
        include: ['src/**/*.test-d.ts'],
        tsconfig: './tsconfig.json',
      },
    },
  }),
);
