/**
 * The search matcher: case- and accent-insensitive, ranking an exact title above a title that
 * starts with the query, above one with a word that starts with it, above a plain substring.
 */

/** Scores for each kind of match, on PMS's 0..1 search score scale. */
export const MATCH_SCORE = { exact: 1, prefix: 0.9, word: 0.8, substring: 0.7 } as const;

// Search runs over every title on each keystroke; most titles repeat between searches.
const normalized = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/**
 * Lower case, accents stripped, dots and apostrophes dropped (so "D.O.A." is "doa"), other
 * punctuation turned into spaces, runs of spaces collapsed.
 */
export function normalizeText(text: string): string {
  const cached = normalized.get(text);
  if (cached !== undefined) return cached;
  const result = /[^ -~]/.test(text)
    ? text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/['’.]/g, '')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
    : text
        .toLowerCase()
        .replace(/['.]/g, '')
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
  if (normalized.size >= CACHE_LIMIT) normalized.clear();
  normalized.set(text, result);
  return result;
}

/** A query prepared once for matching against many titles. */
export interface PreparedQuery {
  text: string;
}

/** Prepares a query; undefined when nothing searchable is left (only punctuation, say). */
export function prepareQuery(query: string): PreparedQuery | undefined {
  const text = normalizeText(query);
  return text === '' ? undefined : { text };
}

/** How well `title` matches, or undefined when it does not contain the query at all. */
export function matchScore(query: PreparedQuery, title: string | undefined): number | undefined {
  if (!title) return undefined;
  return matchNormalized(query, normalizeText(title));
}

/** `matchScore` for text already passed through `normalizeText` (search indexes keep it so). */
export function matchNormalized(query: PreparedQuery, text: string): number | undefined {
  if (text === query.text) return MATCH_SCORE.exact;
  if (text.startsWith(query.text)) return MATCH_SCORE.prefix;
  if (text.includes(` ${query.text}`)) return MATCH_SCORE.word;
  if (text.includes(query.text)) return MATCH_SCORE.substring;
  return undefined;
}
