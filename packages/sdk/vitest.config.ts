import shared from '../../vitest.shared.ts';

// Type tests (`src/**/*.test-d.ts`) are checked by `pnpm typecheck`, tsc over src/ and the first
// step of `pnpm test`: an unused `@ts-expect-error` or a failed `expectTypeOf` is a compile error
// there, so vitest's own typecheck would only run the same tsc a second time.
export default shared;
