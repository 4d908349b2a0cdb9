import type {
  CallOptions,
  ItemPage,
  MetadataItem,
  PageOptions,
  PlexClient,
} from '@plexmcp/plex-client';
import * as v from 'valibot';
import type { ToolContext } from '../../context.js';
import { paging } from '../../shared/inputs.js';
import { isoTime, pageFacts, pageOf } from '../../shared/outputs.js';
import { resolveUser } from '../../shared/resolve-user.js';
import { clientForUser } from '../../shared/user-client.js';
import { warningsField } from '../../shared/warnings.js';
import { playedItem, playedItemOf } from '../sessions/describe.js';
import { usernameInput } from './user-get-info.js';
import { userWarnings } from './user-shape.js';

/** An item to resume or start next, with how far along it is. */
export const deckItem = v.object({
  ...playedItem.entries,
  position_ms: v.optional(v.number()),
  duration_ms: v.optional(v.number()),
  progress_percent: v.number(),
  last_viewed_at: v.optional(v.string()),
});

/** The output of On Deck and Continue Watching. */
export const deckOutput = v.object({
  user: v.object({ username: v.string(), title: v.string() }),
  items: v.array(deckItem),
  ...pageFacts,
  ...warningsField,
});

function deckItemOf(item: MetadataItem): v.InferOutput<typeof deckItem> {
  const position = item.viewOffset;
  const duration = item.duration;
  return {
    ...playedItemOf(item),
    position_ms: position,
    duration_ms: duration,
    progress_percent:
      position !== undefined && duration ? Math.round((position / duration) * 1000) / 10 : 0,
    last_viewed_at: isoTime(item.lastViewedAt),
  };
}

/** The input of On Deck and Continue Watching. */
export const deckInput = v.object({ ...usernameInput, limit: paging.limit });

/** Reads the user's first `limit` deck items through `fetch`, with the user's own client. */
export async function readDeck(
  ctx: ToolContext,
  input: v.InferOutput<typeof deckInput>,
  fetch: (plex: PlexClient, options: PageOptions & CallOptions) => Promise<ItemPage>,
): Promise<v.InferOutput<typeof deckOutput>> {
  const resolved = await resolveUser(ctx, input.username);
  const plex = await clientForUser(ctx, resolved);
  const page = await fetch(plex, { offset: 0, limit: input.limit, signal: ctx.signal });
  const items = page.items.map(deckItemOf);
  return userWarnings(ctx, resolved.directory).attach({
    user: { username: resolved.user.username, title: resolved.user.title },
    items,
    ...pageOf(page.totalSize, 0, input.limit, items.length),
  });
}
