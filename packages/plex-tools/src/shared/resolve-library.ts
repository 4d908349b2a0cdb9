import type { Library } from '@plexmcp/plex-client';
import type { ToolContext } from '../context.js';
import { ToolError } from '../errors.js';

/** How a tool names a library. */
export interface LibraryRef {
  library_name?: string | undefined;
  library_id?: string | undefined;
}

/** Finds a library by id or (case-insensitive) name; NOT_FOUND lists the libraries there are. */
export async function resolveLibrary(ctx: ToolContext, ref: LibraryRef): Promise<Library> {
  const libraries = await ctx.plex.libraries.list({ signal: ctx.signal });
  const wanted = ref.library_id ?? ref.library_name;
  if (wanted === undefined) {
    throw new ToolError('INVALID_INPUT', 'Give library_name or library_id.', {
      libraries: libraries.map((l) => l.title),
    });
  }
  const found =
    ref.library_id !== undefined
      ? libraries.find((l) => String(l.id) === ref.library_id)
      : libraries.find((l) => l.title.toLowerCase() === ref.library_name?.toLowerCase());
  if (!found) {
    const names = libraries.map((l) => `"${l.title}" (id ${l.id})`).join(', ');
    const asked =
      ref.library_id !== undefined
        ? `No library with library_id ${ref.library_id}; find ids with library_list.`
        : `No library "${wanted}".`;
    throw new ToolError('NOT_FOUND', `${asked} Libraries: ${names || 'none'}.`, {
      libraries: libraries.map((l) => ({ id: String(l.id), title: l.title, type: l.type })),
    });
  }
  return found;
}
