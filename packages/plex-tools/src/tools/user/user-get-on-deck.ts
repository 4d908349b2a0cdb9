import { defineTool } from '../../define-tool.js';
import { deckInput, deckOutput, readDeck } from './deck-items.js';

/** user_get_on_deck: what to watch next, with progress. */
export const userGetOnDeck = defineTool({
  name: 'user_get_on_deck',
  module: 'user',
  access: 'read',
  title: 'On Deck',
  description: "A user's On Deck: in-progress items and next episodes.",
  input: deckInput,
  output: deckOutput,
  annotations: { openWorldHint: true },
  run: (ctx, input) => readDeck(ctx, input, (plex, options) => plex.libraries.onDeck(options)),
});
