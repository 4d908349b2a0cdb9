import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { activityStarted, startActivity } from './start-activity.js';

/** server_optimize_database: starts compacting and re-indexing the library database. */
export const serverOptimizeDatabase = defineTool({
  name: 'server_optimize_database',
  module: 'server',
  access: 'write',
  title: 'Optimize database',
  description: 'Compact and re-index the Plex database (background).',
  input: v.object({}),
  output: activityStarted,
  annotations: { idempotentHint: true },
  run: (ctx) =>
    startActivity(
      ctx,
      (options) => ctx.plex.libraries.optimize(options),
      'Database optimisation started; it runs in the background.',
    ),
});
