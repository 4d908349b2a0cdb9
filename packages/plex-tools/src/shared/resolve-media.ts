import { isPlexError, type MetadataItem } from '@plexmcp/plex-client';
import type { ToolContext } from '../context.js';
import { ToolError } from '../errors.js';
import { lookUpById } from './by-id.js';
import { looksLikeId } from './id-or-title.js';
import { candidateLine, candidateList } from './listing.js';
import { resolveLibrary } from './resolve-library.js';

/** How a tool addresses an item (see `mediaAddressing`). */
export interface MediaRef {
  /** An id, or an exact title, optionally followed by its year: "Heat (1995)". */
  media: string;
  /** Narrowing older callers send beside a title; not listed to models. */
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

/** The item with this id, or undefined when none has it (the value may be a title then). */
export async function itemIfId(ctx: ToolContext, id: string): Promise<MetadataItem | undefined> {
  try {
    return await ctx.plex.metadata.get(id, { signal: ctx.signal });
  } catch (error) {
    if (isPlexError(error) && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

/** "Heat (1995)" → the title and the year Plex lists it with; undefined without a year. */
export function splitTitleYear(value: string): { title: string; year: number } | undefined {
  const match = /^(.*\S)\s*\((\d{4})\)$/.exec(value);
  return match ? { title: match[1]!, year: Number(match[2]) } : undefined;
}

/**
 * Finds the one item a tool is about: by id when `media` is number-like and an item has it,
 * else by exact title (case-insensitive). A trailing "(1995)" picks the year, unless an item is
 * titled with it. Several matches are an AMBIGUOUS error listing them with what tells them
 * apart — never a silent first pick; none is NOT_FOUND with near matches when there are some.
 */
export async function resolveMedia(ctx: ToolContext, ref: MediaRef): Promise<MetadataItem> {
  const asked = ref.media;
  if (looksLikeId(asked)) {
    const byId = await itemIfId(ctx, asked);
    if (byId) return byId;
  }
  const dated = ref.year === undefined ? splitTitleYear(asked) : undefined;
  const section = ref.library ? await resolveLibrary(ctx, ref) : undefined;
  const search = (query: string) =>
    ctx.plex.search.hubs(query, {
      limit: 30,
      ...(section ? { sectionId: section.id } : {}),
      signal: ctx.signal,
    });
  const found = (await search(dated?.title ?? asked)).flatMap((hub) => hub.items);
  const narrowed = found.filter(
    (item) =>
      (ref.media_type === undefined || item.type === ref.media_type) &&
      (ref.year === undefined || item.year === ref.year),
  );
  const same = (item: MetadataItem, title: string) =>
    item.title.toLowerCase() === title.toLowerCase();
  // A title that really ends in "(1995)" is found as written first; the year is the fallback.
  let matches = narrowed.filter((item) => same(item, asked));
  if (matches.length === 0 && dated) {
    matches = narrowed.filter((item) => same(item, dated.title) && item.year === dated.year);
  }
  if (matches.length === 1)
    return ctx.plex.metadata.get(matches[0]!.ratingKey, { signal: ctx.signal });
  if (matches.length > 1) {
    const candidates = matches.map(candidateOf);
    throw new ToolError(
      'AMBIGUOUS',
      `${matches.length} items match "${asked}": ${candidateList(candidates.map(candidateText))}. Call again with media set to one id.`,
      { candidates },
    );
  }
  const near = narrowed.slice(0, 5).map(candidateOf);
  throw new ToolError(
    'NOT_FOUND',
    near.length > 0
      ? `No item with id or title "${asked}". Close matches: ${near.map((c) => `"${c.title}" (id ${c.id})`).join(', ')}.`
      : `No item with id or title "${asked}"${section ? ` in ${section.title}` : ''}; find them with media_search.`,
    near.length > 0 ? { candidates: near } : { media: asked },
  );
}
