import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // Type tests (`*.test-d.ts`) prove misuse of callTool fails to compile: an unused
      // `@ts-expect-error` or a failed `expectTypeOf` fails the run.
      typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    },
  }),
);
