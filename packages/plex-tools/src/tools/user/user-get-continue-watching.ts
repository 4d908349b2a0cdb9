import { defineTool } from '../../define-tool.js';
import { deckInput, deckOutput, readDeck } from './deck-items.js';

/** user_get_continue_watching: the Continue Watching hub, paged. */
export const userGetContinueWatching = defineTool({
  name: 'user_get_continue_watching',
  module: 'user',
  access: 'read',
  title: 'Continue Watching',
  description: "A user's Continue Watching hub, with progress.",
  input: deckInput,
  output: deckOutput,
  annotations: { openWorldHint: true },
  run: (ctx, input) =>
    readDeck(ctx, input, (plex, options) => plex.hubs.continueWatchingItems(options)),
});
