import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

/**
 * Two projects, one per HTTP engine (`src/testing/engine.ts`). `ky` runs every test but the
 * 100,000-item walk; `direct` runs the API suites again with clients on a loopback socket, so the
 * node:http engine production's bodiless requests take is held to the same assertions. Tests of
 * one engine's own mechanics (src/http/*) run once, in `ky`, and pick their engine themselves.
 * Type tests (`*.test-d.ts`) are checked by `pnpm typecheck` (tsc over src/, the first step of
 * `pnpm test`), not by vitest a second time.
 */
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'ky',
            // Walking the 100,000-item library is paging logic above the engine, and 15 s of
            // CI: it runs once, in `direct`, the engine production's GETs take.
            exclude: [...configDefaults.exclude, 'src/api/libraries.synthetic.test.ts'],
          },
        },
        {
          // Not `extends: true`, which would add the shared `include` to this one.
          ...shared,
          test: {
            ...shared.test,
            name: 'direct',
            include: ['src/api/**/*.test.ts', 'src/errors.test.ts', 'src/sign-in.test.ts'],
            env: { PLEX_CLIENT_ENGINE: 'direct' },
          },
        },
      ],
    },
  }),
);
