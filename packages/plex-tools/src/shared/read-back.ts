import type { MetadataItem } from '@plexmcp/plex-client';
import type { ToolContext } from '../context.js';
import { Warnings } from './warnings.js';

/** An item after a write: what Plex now holds, or null (named in `warnings`) if it would not say. */
export interface ReadBack {
  warnings: Warnings;
  after: MetadataItem | null;
  /** id, title and type: from the read-back, else from the item as it was before the write. */
  identity: { id: string; title: string; type: string };
}

/**
 * Reads an item back after a write that already succeeded, so the answer shows what took. A
 * refused read-back must not report the write as failed (a retry would write twice): `after`
 * is then null and `part` is named in the warnings.
 */
export async function readBack(
  ctx: ToolContext,
  item: MetadataItem,
  part: string,
): Promise<ReadBack> {
  const warnings = new Warnings(ctx.signal);
  const after = await warnings.optional(part, () =>
    ctx.plex.metadata.get(item.ratingKey, { signal: ctx.signal }),
  );
  const source = after ?? item;
  return {
    warnings,
    after,
    identity: { id: source.ratingKey, title: source.title, type: source.type },
  };
}
