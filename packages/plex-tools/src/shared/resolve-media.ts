import type { MetadataItem } from '@plexmcp/plex-client';
import type { ToolContext } from '../context.js';
import { ToolError } from '../errors.js';
import { lookUpById } from './by-id.js';
import { candidateLine, candidateList } from './listing.js';
import { resolveLibrary } from './resolve-library.js';

/** How a tool addresses an item (see `mediaAddressing`). */
export interface MediaRef {
  media_id?: string | undefined;
  media_title?: string | undefined;
  library?: string | undefined;
  year?: number | undefined;
  media_type?: string | undefined;
}

/** An entry of an AMBIGUOUS error: enough for a person or model to pick one. */
export interface Candidate {
  id: string;
  title: string;
  type: string;
  year?: number;
  library?: string;
  parent?: string;
}

/** A candidate line for an item. */
export function candidateOf(item: MetadataItem): Candidate {
  const candidate: Candidate = { id: item.ratingKey, title: item.title, type: item.type };
  if (item.year !== undefined) candidate.year = item.year;
  if (item.librarySectionTitle !== undefined) candidate.library = item.librarySectionTitle;
  const parent = item.grandparentTitle ?? item.parentTitle;
  if (parent !== undefined) candidate.parent = parent;
  return candidate;
}

/** `1014 Sherlock Holmes (1916, movie, Movies)`: a candidate as an AMBIGUOUS message names it. */
export function candidateText(candidate: Candidate): string {
  return candidateLine(candidate.id, candidate.title, [
    candidate.year,
    candidate.type,
    candidate.library,
    candidate.parent === undefined ? undefined : `of ${candidate.parent}`,
  ]);
}

/** Fetches an item by the id a caller gave; an unknown id is NOT_FOUND pointing at media_search. */
export function itemById(ctx: ToolContext, id: string, field = 'media_id'): Promise<MetadataItem> {
  return lookUpById(() => ctx.plex.metadata.get(id, { signal: ctx.signal }), {
    thing: 'item',
    field,
    id,
    finder: 'media_search',
  });
}

/**
 * Finds the one item a tool is about: by id, or by exact title (case-insensitive) narrowed by
 * library, year and type. Several matches are an AMBIGUOUS error listing them — never a silent
 * first pick; none is NOT_FOUND with near matches when there are some.
 */
export async function resolveMedia(ctx: ToolContext, ref: MediaRef): Promise<MetadataItem> {
  if (ref.media_id !== undefined) return itemById(ctx, ref.media_id);
  if (ref.media_title === undefined) {
    throw new ToolError(
      'INVALID_INPUT',
      'Give media_id, or media_title to look the item up by title.',
    );
  }
  const title = ref.media_title;
  const section = ref.library ? await resolveLibrary(ctx, ref) : undefined;
  const hubs = await ctx.plex.search.hubs(title, {
    limit: 30,
    ...(section ? { sectionId: section.id } : {}),
    signal: ctx.signal,
  });
  const found = hubs.flatMap((hub) => hub.items);
  const narrowed = found.filter(
    (item) =>
      (ref.media_type === undefined || item.type === ref.media_type) &&
      (ref.year === undefined || item.year === ref.year),
  );
  const exact = narrowed.filter((item) => item.title.toLowerCase() === title.toLowerCase());
  const matches = exact.length > 0 ? exact : [];
  if (matches.length === 1)
    return ctx.plex.metadata.get(matches[0]!.ratingKey, { signal: ctx.signal });
  if (matches.length > 1) {
    const candidates = matches.map(candidateOf);
    throw new ToolError(
      'AMBIGUOUS',
      `${matches.length} items match "${title}": ${candidateList(candidates.map(candidateText))}. Call again with media_id (or narrow with year, media_type or library).`,
      { candidates },
    );
  }
  const near = narrowed.slice(0, 5).map(candidateOf);
  throw new ToolError(
    'NOT_FOUND',
    near.length > 0
      ? `No item titled "${title}". Close matches: ${near.map((c) => `"${c.title}" (id ${c.id})`).join(', ')}.`
      : `No item titled "${title}"${section ? ` in ${section.title}` : ''}. Try media_search.`,
    near.length > 0 ? { candidates: near } : undefined,
  );
}
