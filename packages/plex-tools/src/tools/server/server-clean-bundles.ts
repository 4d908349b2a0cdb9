import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { activityStarted, startActivity } from './start-activity.js';

/** server_clean_bundles: starts removing metadata bundles no item uses any more. */
export const serverCleanBundles = defineTool({
  name: 'server_clean_bundles',
  module: 'server',
  access: 'write',
  title: 'Clean bundles',
  description: 'Delete unused metadata bundles (background).',
  input: v.object({}),
  output: activityStarted,
  annotations: { idempotentHint: true },
  run: (ctx) =>
    startActivity(
      ctx,
      (options) => ctx.plex.libraries.cleanBundles(options),
      'Cleaning unused bundles started; it runs in the background.',
    ),
});
