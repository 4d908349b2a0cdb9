import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';

/** server_clean_bundles: starts removing metadata bundles no item uses any more. */
export const serverCleanBundles = defineTool({
  name: 'server_clean_bundles',
  module: 'server',
  access: 'write',
  title: 'Clean bundles',
  description:
    'Start removing unused metadata bundles (artwork and data of deleted items) in the background to free disk space.',
  input: v.object({}),
  output: v.object({ status: v.literal('started'), message: v.string() }),
  annotations: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  },
  async run(ctx) {
    await ctx.plex.libraries.cleanBundles({ signal: ctx.signal });
    return {
      status: 'started' as const,
      message: 'Cleaning unused bundles started; it runs in the background.',
    };
  },
});
