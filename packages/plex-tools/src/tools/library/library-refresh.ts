import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { libraryInput } from '../../shared/inputs.js';
import { resolveLibrary } from '../../shared/resolve-library.js';
import { scanOutput, waitForScans, waitSeconds } from './scan-wait.js';

/** library_refresh: scans one library, or all, for changes and refreshes their metadata. */
export const libraryRefresh = defineTool({
  name: 'library_refresh',
  module: 'library',
  access: 'write',
  title: 'Refresh libraries',
  description: 'Refresh one library or all: scan and update metadata.',
  input: v.object({
    library: v.optional(libraryInput),
    force: v.optional(
      v.pipe(v.boolean(), v.description('Re-fetch all metadata, not just changed')),
      false,
    ),
    wait_seconds: waitSeconds,
  }),
  output: scanOutput,
  annotations: { idempotentHint: true },
  async run(ctx, input) {
    const all = input.library === undefined;
    const targets = all
      ? await ctx.plex.libraries.list({ signal: ctx.signal })
      : [await resolveLibrary(ctx, input)];
    const [only] = targets;
    if (all || !only)
      await ctx.plex.libraries.refreshAll({ force: input.force, signal: ctx.signal });
    else await ctx.plex.libraries.refresh(only.id, { force: input.force, signal: ctx.signal });
    return waitForScans(ctx, targets, input.wait_seconds, 'Refresh');
  },
});
