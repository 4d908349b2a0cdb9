import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { playlistAddressing, resolvePlaylist } from '../../shared/resolve-playlist.js';
import { resolveUser, userLabel } from '../../shared/resolve-user.js';
import { clientForUser } from '../../shared/user-client.js';
import { playlistSummary, summarizePlaylist } from './shared.js';

/** The playlist's kind, when it is one a playlist can be created with. */
function kindOf(type: string): 'video' | 'audio' | 'photo' | undefined {
  return type === 'video' || type === 'audio' || type === 'photo' ? type : undefined;
}

/** playlist_copy_to_user: a copy of a playlist in another user's account. */
export const playlistCopyToUser = defineTool({
  name: 'playlist_copy_to_user',
  module: 'playlist',
  access: 'write',
  title: 'Copy playlist to user',
  description: "Copy a playlist to another user's account.",
  input: v.object({
    ...playlistAddressing,
    username: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Recipient')),
  }),
  output: v.object({
    playlist: playlistSummary,
    user: v.object({ username: v.string(), title: v.string() }),
    source_item_count: v.number(),
  }),
  annotations: { openWorldHint: true },
  async run(ctx, input) {
    const source = await resolvePlaylist(ctx, input);
    const resolved = await resolveUser(ctx, input.username);
    const { user } = resolved;
    const plex = await clientForUser(ctx, resolved);
    if (plex === ctx.plex) {
      throw new ToolError(
        'INVALID_INPUT',
        `"${source.title}" already belongs to ${userLabel(user)}, the account this connection is signed in as. Name another user, or use playlist_create to duplicate it.`,
        { username: user.username },
      );
    }
    const ratingKeys: string[] = [];
    for await (const item of ctx.plex.playlists.iterateItems(source.ratingKey, {
      signal: ctx.signal,
    })) {
      ratingKeys.push(item.ratingKey);
    }
    if (ratingKeys.length === 0) {
      throw new ToolError(
        'INVALID_INPUT',
        `"${source.title}" is empty; add items with playlist_add_to before copying it.`,
      );
    }
    const type = kindOf(source.playlistType);
    if (type === undefined) {
      throw new ToolError(
        'INVALID_INPUT',
        `"${source.title}" is not a playlist that can be copied.`,
      );
    }
    const copy = await plex.playlists.create(
      {
        title: source.title,
        type,
        ratingKeys,
        ...(source.summary ? { summary: source.summary } : {}),
      },
      { signal: ctx.signal },
    );
    return {
      playlist: summarizePlaylist(copy),
      user: { username: user.username, title: user.title },
      source_item_count: ratingKeys.length,
    };
  },
});
