import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // The browser suite starts one server and one Chromium per file; files run one at a time
      // so two Chromiums never share the machine's two cores.
      fileParallelism: false,
      // A page under a loaded CI machine can take a few seconds to show what a poll waits for.
      expect: { poll: { timeout: 10_000 } },
    },
  }),
);
