import * as v from 'valibot';

/**
 * An input naming one thing by id or by exact title ("Movies" or "1"). A string, so the schema
 * a model reads stays one short type; `looksLikeId` decides how it is tried.
 */
export const idOrTitle = (description: string) =>
  v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description(description));

/**
 * Whether a value given for an "id or title" input should be tried as an id first. Plex ids
 * (ratingKeys, section ids) are decimal integers, so anything else can only be a title; a
 * number-like value that no id answers to is still tried as a title ("1917" is a film).
 */
export function looksLikeId(value: string): boolean {
  return /^\d+$/.test(value);
}
