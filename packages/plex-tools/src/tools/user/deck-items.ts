import type { ItemPage, MetadataItem } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { isoTime, pageFacts, pageOf } from '../../shared/outputs.js';
import type { ResolvedUser } from '../../shared/resolve-user.js';
import { playedItem, playedItemOf } from '../sessions/describe.js';

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

/** The output for a page of deck items. */
export function deckPage(
  resolved: ResolvedUser,
  page: ItemPage,
  offset: number,
  limit: number,
): v.InferOutput<typeof deckOutput> {
  const items = page.items.map(deckItemOf);
  return {
    user: { username: resolved.user.username, title: resolved.user.title },
    items,
    ...pageOf(page.totalSize, offset, limit, items.length),
  };
}
