import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';

/** One scheduled maintenance task. */
const task = v.object({
  name: v.string(),
  title: v.optional(v.string()),
  description: v.optional(v.string()),
  interval_days: v.optional(v.number()),
  enabled: v.boolean(),
  schedule_randomized: v.optional(v.boolean()),
});

/** server_get_butler_tasks: the butler's scheduled maintenance tasks. */
export const serverGetButlerTasks = defineTool({
  name: 'server_get_butler_tasks',
  module: 'server',
  access: 'read',
  title: 'List butler tasks',
  description: 'List maintenance (butler) tasks: names, interval, enabled.',
  input: v.object({}),
  output: v.object({ tasks: v.array(task), total: v.number() }),
  async run(ctx) {
    const tasks = await ctx.plex.butler.tasks({ signal: ctx.signal });
    return {
      tasks: tasks.map((t) => ({
        name: t.name,
        title: t.title,
        description: t.description,
        interval_days: t.interval,
        enabled: t.enabled,
        schedule_randomized: t.scheduleRandomized,
      })),
      total: tasks.length,
    };
  },
});
