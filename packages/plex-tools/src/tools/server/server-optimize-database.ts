import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';

/** server_optimize_database: starts compacting and re-indexing the library database. */
export const serverOptimizeDatabase = defineTool({
  name: 'server_optimize_database',
  module: 'server',
  access: 'write',
  title: 'Optimize database',
  description:
    'Start compacting and re-indexing the Plex library database in the background. Useful after large deletions.',
  input: v.object({}),
  output: v.object({ status: v.literal('started'), message: v.string() }),
  annotations: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  },
  async run(ctx) {
    await ctx.plex.libraries.optimize({ signal: ctx.signal });
    return {
      status: 'started' as const,
      message: 'Database optimisation started; it runs in the background.',
    };
  },
});
