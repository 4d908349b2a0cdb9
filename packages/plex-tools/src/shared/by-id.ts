import { isPlexError } from '@plexmcp/plex-client';
import { ToolError } from '../errors.js';

/**
 * Runs the Plex lookup of an id the caller gave, turning Plex's 404 for it into the NOT_FOUND a
 * wrong title gets: what was asked for and which tool lists the ids — never Plex's URL or path.
 * `thing` is the noun ("item"), `field` the input name ("media_id"), `finder` the listing tool.
 */
export async function lookUpById<T>(
  lookup: () => Promise<T>,
  where: { thing: string; field: string; id: string; finder: string },
): Promise<T> {
  try {
    return await lookup();
  } catch (error) {
    if (isPlexError(error) && error.code === 'NOT_FOUND') throw notFoundById(where);
    throw error;
  }
}

/** The NOT_FOUND for an id nothing answers to. */
export function notFoundById(
  where: { thing: string; field: string; id: string; finder: string },
  more = '',
): ToolError {
  return new ToolError(
    'NOT_FOUND',
    `No ${where.thing} with ${where.field} ${where.id}; find ids with ${where.finder}.${more}`,
    { [where.field]: where.id },
  );
}
