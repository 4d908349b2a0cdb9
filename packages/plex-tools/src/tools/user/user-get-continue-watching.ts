import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { paging } from '../../shared/inputs.js';
import { resolveUser } from '../../shared/resolve-user.js';
import { clientForUser } from '../../shared/user-client.js';
import { deckOutput, deckPage } from './deck-items.js';
import { usernameInput } from './user-get-info.js';

/** user_get_continue_watching: the Continue Watching hub, paged. */
export const userGetContinueWatching = defineTool({
  name: 'user_get_continue_watching',
  module: 'user',
  access: 'read',
  title: 'Continue Watching',
  description: "A user's Continue Watching hub, with progress.",
  input: v.object({ ...usernameInput, limit: paging.limit }),
  output: deckOutput,
  annotations: {
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  async run(ctx, input) {
    const resolved = await resolveUser(ctx, input.username);
    const plex = await clientForUser(ctx, resolved);
    const page = await plex.hubs.continueWatchingItems(
      { offset: 0, limit: input.limit },
      { signal: ctx.signal },
    );
    return deckPage(resolved, page, 0, input.limit);
  },
});
