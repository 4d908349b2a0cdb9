import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TOOLS } from './index.js';
import { toolHarness } from './testing/harness.js';
import { SAMPLE_ARGS, sampleArgsFor } from './testing/sample-args.js';

describe('every tool when Plex is down or slow', () => {
  it('has sample arguments for every tool', () => {
    expect(Object.keys(SAMPLE_ARGS).sort()).toEqual(TOOLS.map((tool) => tool.name).sort());
  });

  it.each(TOOLS.map((tool) => [tool.name, tool] as const))(
    "%s's sample arguments pass its validation",
    (name, tool) => {
      const parsed = v.safeParse(tool.input, sampleArgsFor(name));
      expect(parsed.issues?.map((issue) => issue.message)).toBeUndefined();
    },
  );

  it.each(TOOLS.map((tool) => [tool.name] as const))(
    '%s says Plex is unreachable',
    async (name) => {
      const h = toolHarness();
      h.emulator.faults.set({ unreachable: true });
      const result = await h.call(name, sampleArgsFor(name));
      expect(result).toMatchObject({ ok: false, error: { code: 'PLEX_UNREACHABLE' } });
      if (!result.ok) {
        expect(result.error.message).toContain('Check the URL and that the server is running');
        expect(result.error.message).not.toMatch(/PLEX_URL|plex-mcp-server/);
      }
    },
  );

  it.each(TOOLS.map((tool) => [tool.name] as const))(
    '%s times out on a slow Plex',
    async (name) => {
      const h = toolHarness({}, { timeoutMs: 40 });
      h.emulator.faults.set({ latencyMs: 150 });
      expect(await h.call(name, sampleArgsFor(name))).toMatchObject({
        ok: false,
        error: { code: 'TIMEOUT' },
      });
    },
  );
});
