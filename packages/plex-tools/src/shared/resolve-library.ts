import type { Library } from '@plexmcp/plex-client';
import type { ToolContext } from '../context.js';
import { ToolError } from '../errors.js';
import { looksLikeId } from './id-or-title.js';

/** How a tool names a library: its `library` input, an id or an exact name. */
export interface LibraryRef {
  library?: string | undefined;
}

const lineOf = (l: Library) => ({ id: String(l.id), title: l.title, type: l.type });

/**
 * Finds a library by id, else by name (case-insensitive). Two libraries of that name are
 * AMBIGUOUS with candidates (Plex allows it); none is NOT_FOUND listing the libraries there are.
 */
export async function resolveLibrary(ctx: ToolContext, ref: LibraryRef): Promise<Library> {
  const libraries = await ctx.plex.libraries.list({ signal: ctx.signal });
  const wanted = ref.library;
  if (wanted === undefined) {
    throw new ToolError('INVALID_INPUT', 'Give library (its id or name).', {
      libraries: libraries.map((l) => l.title),
    });
  }
  const byId = looksLikeId(wanted) ? libraries.find((l) => String(l.id) === wanted) : undefined;
  if (byId) return byId;
  const named = libraries.filter((l) => l.title.toLowerCase() === wanted.toLowerCase());
  if (named.length === 1) return named[0]!;
  const names = libraries.map((l) => `"${l.title}" (id ${l.id})`).join(', ');
  if (named.length > 1) {
    throw new ToolError(
      'AMBIGUOUS',
      `${named.length} libraries are named "${wanted}": ${named.map((l) => `${l.id} (${l.type})`).join(', ')}. Call again with its id.`,
      { candidates: named.map(lineOf) },
    );
  }
  throw new ToolError(
    'NOT_FOUND',
    `No library with id or name "${wanted}"; find them with library_list. Libraries: ${names || 'none'}.`,
    { libraries: libraries.map(lineOf) },
  );
}
