import { describe, expect, it } from 'vitest';
import { TEST_NOW_MS, toolHarness } from '../../testing/harness.js';

interface Sample {
  at: string;
  host_cpu_percent: number;
  process_cpu_percent: number;
  host_memory_percent: number;
  process_memory_percent: number;
}

describe('server_get_current_resources', () => {
  it('gives the latest sample, the average and the samples oldest first', async () => {
    const h = toolHarness();
    const data = await h.data('server_get_current_resources');
    const samples = data.samples as Sample[];
    expect(samples).toHaveLength(24);
    const times = samples.map((s) => Date.parse(s.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(data.latest).toEqual(samples.at(-1));
    expect(Date.parse((data.latest as Sample).at)).toBeLessThanOrEqual(TEST_NOW_MS);
    for (const s of samples) {
      for (const value of Object.values(s).slice(1)) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
      }
      // The host runs the Plex process and more.
      expect(s.host_cpu_percent).toBeGreaterThan(s.process_cpu_percent);
    }
    const average = data.average as Omit<Sample, 'at'>;
    const mean = samples.reduce((sum, s) => sum + s.process_cpu_percent, 0) / samples.length;
    expect(average.process_cpu_percent).toBeCloseTo(mean, 0);
  });

  it('shows the load of the demo streams: more CPU than an idle server', async () => {
    const busy = await toolHarness().data('server_get_current_resources');
    const idle = toolHarness();
    idle.emulator.state.sessions.clear();
    const quiet = await idle.data('server_get_current_resources');
    const cpu = (data: Record<string, unknown>) => (data.latest as Sample).process_cpu_percent;
    expect(cpu(busy)).toBeGreaterThan(cpu(quiet) + 3);
  });

  it('is FORBIDDEN for an account other than the owner', async () => {
    const alex = toolHarness().emulator.state.accounts.get(2)?.serverToken ?? '';
    const h = toolHarness({}, { token: alex });
    expect(await h.call('server_get_current_resources')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
