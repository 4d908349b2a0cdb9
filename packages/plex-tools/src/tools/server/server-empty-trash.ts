import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { libraryInput } from '../../shared/inputs.js';
import { resolveLibrary } from '../../shared/resolve-library.js';

/** server_empty_trash: deletes trashed items of one library, or of every library, for good. */
export const serverEmptyTrash = defineTool({
  name: 'server_empty_trash',
  module: 'server',
  access: 'write',
  title: 'Empty trash',
  description: 'Remove items whose files are gone (trash), in one library or all.',
  input: v.object({ library: v.optional(libraryInput) }),
  output: v.object({
    emptied: v.array(v.object({ id: v.string(), title: v.string() })),
    message: v.string(),
  }),
  annotations: { idempotentHint: true },
  async run(ctx, input) {
    const libraries =
      input.library === undefined
        ? await ctx.plex.libraries.list({ signal: ctx.signal })
        : [await resolveLibrary(ctx, input)];
    // One at a time: each empties a section in PMS's database; no need to pile them up.
    for (const library of libraries) {
      await ctx.plex.libraries.emptyTrash(library.id, { signal: ctx.signal });
    }
    const names = libraries.map((l) => l.title).join(', ');
    return {
      emptied: libraries.map((l) => ({ id: String(l.id), title: l.title })),
      message:
        libraries.length === 0 ? 'There are no libraries.' : `Emptied the trash of ${names}.`,
    };
  },
});
