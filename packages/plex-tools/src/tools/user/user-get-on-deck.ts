import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { paging } from '../../shared/inputs.js';
import { resolveUser } from '../../shared/resolve-user.js';
import { clientForUser } from '../../shared/user-client.js';
import { deckOutput, deckPage } from './deck-items.js';
import { usernameInput } from './user-get-info.js';

/** user_get_on_deck: what to watch next, with progress. */
export const userGetOnDeck = defineTool({
  name: 'user_get_on_deck',
  module: 'user',
  access: 'read',
  title: 'On Deck',
  description: "A user's On Deck: their in-progress items and next episodes, with progress.",
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
    const page = await plex.libraries.onDeck(
      { offset: 0, limit: input.limit },
      { signal: ctx.signal },
    );
    return deckPage(resolved, page, 0, input.limit);
  },
});
