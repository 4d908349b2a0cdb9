import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { playlistsTitled } from '../../shared/duplicate-title.js';
import { playlistAddressing, resolvePlaylist } from '../../shared/resolve-playlist.js';

const change = v.object({ from: v.string(), to: v.string() });

/** playlist_edit: renames a playlist or changes its summary. */
export const playlistEdit = defineTool({
  name: 'playlist_edit',
  module: 'playlist',
  access: 'write',
  title: 'Edit playlist',
  description: "Change a playlist's title or summary.",
  input: v.object({
    ...playlistAddressing,
    new_title: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('New title'))),
    new_summary: v.optional(v.pipe(v.string(), v.description('New summary ("" clears it)'))),
  }),
  output: v.object({
    playlist: v.object({ id: v.string(), title: v.string() }),
    changes: v.object({ title: v.optional(change), summary: v.optional(change) }),
  }),
  annotations: { idempotentHint: true },
  async run(ctx, input) {
    if (input.new_title === undefined && input.new_summary === undefined)
      throw new ToolError('INVALID_INPUT', 'Give new_title or new_summary.');
    const playlist = await resolvePlaylist(ctx, input);
    if (input.new_title !== undefined) {
      // Plex takes a second playlist with one title, which makes every later title lookup
      // AMBIGUOUS; a create can opt in with allow_duplicate, a rename is refused.
      const taken = await playlistsTitled(ctx, input.new_title, playlist.ratingKey);
      if (taken.length > 0) {
        throw new ToolError(
          'INVALID_INPUT',
          `A playlist titled "${input.new_title}" already exists (${taken.map((p) => `id ${p.id}, ${p.item_count} items`).join('; ')}); renaming another one to it would make the title ambiguous. Give another title.`,
          { existing: taken },
        );
      }
    }
    await ctx.plex.playlists.edit(
      playlist.ratingKey,
      {
        ...(input.new_title === undefined ? {} : { title: input.new_title }),
        ...(input.new_summary === undefined ? {} : { summary: input.new_summary }),
      },
      { signal: ctx.signal },
    );
    const changes: {
      title?: v.InferOutput<typeof change>;
      summary?: v.InferOutput<typeof change>;
    } = {};
    if (input.new_title !== undefined)
      changes.title = { from: playlist.title, to: input.new_title };
    if (input.new_summary !== undefined)
      changes.summary = { from: playlist.summary ?? '', to: input.new_summary };
    return {
      playlist: { id: playlist.ratingKey, title: input.new_title ?? playlist.title },
      changes,
    };
  },
});
