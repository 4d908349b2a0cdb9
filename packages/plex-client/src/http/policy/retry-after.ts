/**
 * `Retry-After` in ms, as RFC 9110 §10.2.3 defines it: a whole number of seconds or an
 * HTTP-date (a date in the past means "now"). Anything else is undefined, so the caller falls
 * back to its own backoff. ky also reads `RateLimit-Reset`-style headers and takes large numbers
 * for timestamps; Plex sends neither, and one strict rule is easier to predict than a guess.
 */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Date.parse would take "1.5" or "12 apples" for a date; an HTTP-date names a weekday.
  if (!/^[A-Za-z]{3},/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
