import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import {
  allowDuplicate,
  playlistsTitled,
  refuseDuplicateTitle,
} from '../../shared/duplicate-title.js';
import { playKindOf } from '../../shared/play-kind.js';
import { itemList, resolveItemList } from '../../shared/resolve-item-list.js';
import { playlistSummary, summarizePlaylist } from './shared.js';

/** playlist_create: a new playlist of the given items. */
export const playlistCreate = defineTool({
  name: 'playlist_create',
  module: 'playlist',
  access: 'write',
  title: 'Create playlist',
  description: 'Create a playlist.',
  input: v.object({
    title: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Title')),
    ...itemList,
    summary: v.optional(v.pipe(v.string(), v.description('Summary'))),
    ...allowDuplicate,
  }),
  output: v.object({ playlist: playlistSummary }),
  async run(ctx, input) {
    refuseDuplicateTitle(await playlistsTitled(ctx, input.title), input.allow_duplicate, {
      thing: 'playlist',
      title: input.title,
    });
    const { items, notFound } = await resolveItemList(ctx, input);
    if (notFound.length > 0) {
      throw new ToolError(
        'NOT_FOUND',
        `Not found: ${notFound.map((x) => `"${x}"`).join(', ')}. Check with media_search, then call again.`,
        { not_found: notFound },
      );
    }
    const kinds = new Set(items.map((item) => playKindOf(item.type)));
    const [kind] = kinds;
    if (kinds.size !== 1 || kind === undefined) {
      throw new ToolError(
        'INVALID_INPUT',
        `A playlist holds one kind of item (video, audio or photo); these are ${items.map((i) => i.type).join(', ')}.`,
      );
    }
    const playlist = await ctx.plex.playlists.create(
      {
        title: input.title,
        type: kind,
        ratingKeys: items.map((item) => item.ratingKey),
        ...(input.summary === undefined ? {} : { summary: input.summary }),
      },
      { signal: ctx.signal },
    );
    return { playlist: summarizePlaylist(playlist) };
  },
});
