import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TOOLS } from './index.js';
import { SAMPLE_ARGS } from './sample-args.js';
import { toolHarness } from './testing/harness.js';

describe('every tool when Plex is down or slow', () => {
  it('has sample arguments for every tool', () => {
    expect(Object.keys(SAMPLE_ARGS).sort()).toEqual(TOOLS.map((tool) => tool.name).sort());
  });

  it.each(TOOLS.map((tool) => [tool.name, tool] as const))(
    "%s's sample arguments pass its validation",
    (name, tool) => {
      const parsed = v.safeParse(tool.input, SAMPLE_ARGS[name]);
      expect(parsed.issues?.map((issue) => issue.message)).toBeUndefined();
    },
  );

  it.each(TOOLS.map((tool) => [tool.name] as const))(
    '%s says Plex is unreachable',
    async (name) => {
      const h = toolHarness();
      h.emulator.faults.set({ unreachable: true });
      const result = await h.call(name, SAMPLE_ARGS[name]);
      expect(result).toMatchObject({ ok: false, error: { code: 'PLEX_UNREACHABLE' } });
      if (!result.ok) expect(result.error.message).toContain('Check PLEX_URL');
    },
  );

  it.each(TOOLS.map((tool) => [tool.name] as const))(
    '%s times out on a slow Plex',
    async (name) => {
      const h = toolHarness({}, { timeoutMs: 40 });
      h.emulator.faults.set({ latencyMs: 150 });
      expect(await h.call(name, SAMPLE_ARGS[name])).toMatchObject({
        ok: false,
        error: { code: 'TIMEOUT' },
      });
    },
  );
});
