import type { ResourceStatistic } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { isoTime } from '../../shared/outputs.js';

/** CPU and memory use in percent. */
const load = {
  host_cpu_percent: v.number(),
  process_cpu_percent: v.number(),
  host_memory_percent: v.number(),
  process_memory_percent: v.number(),
};

const sample = v.object({ at: v.string(), ...load });

const round = (value: number) => Math.round(value * 10) / 10;

function loadOf(row: Pick<ResourceStatistic, keyof ResourceStatistic & `${string}Utilization`>) {
  return {
    host_cpu_percent: round(row.hostCpuUtilization),
    process_cpu_percent: round(row.processCpuUtilization),
    host_memory_percent: round(row.hostMemoryUtilization),
    process_memory_percent: round(row.processMemoryUtilization),
  };
}

/** server_get_current_resources: the dashboard's live CPU and memory graph. */
export const serverGetCurrentResources = defineTool({
  name: 'server_get_current_resources',
  module: 'server',
  access: 'read',
  title: 'Get server resource use',
  description: 'Host and Plex CPU and memory use (%), latest and recent.',
  input: v.object({}),
  output: v.object({
    latest: v.optional(sample),
    average: v.optional(v.object(load)),
    samples: v.array(sample),
  }),
  async run(ctx) {
    const rows = await ctx.plex.statistics.resources({ timespan: 'seconds', signal: ctx.signal });
    const samples = [...rows]
      .sort((a, b) => a.at - b.at)
      .map((row) => ({ at: isoTime(row.at) ?? '', ...loadOf(row) }));
    if (rows.length === 0) return { samples };
    const mean = (pick: (row: ResourceStatistic) => number) =>
      rows.reduce((sum, row) => sum + pick(row), 0) / rows.length;
    return {
      latest: samples.at(-1),
      average: loadOf({
        hostCpuUtilization: mean((r) => r.hostCpuUtilization),
        processCpuUtilization: mean((r) => r.processCpuUtilization),
        hostMemoryUtilization: mean((r) => r.hostMemoryUtilization),
        processMemoryUtilization: mean((r) => r.processMemoryUtilization),
      }),
      samples,
    };
  },
});
