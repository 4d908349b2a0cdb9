/** A query value; arrays repeat the key, `undefined` drops it, booleans become 1/0 as Plex expects. */
export type QueryValue = string | number | boolean | undefined | readonly (string | number)[];

/** Query parameters for one request. Keys may carry Plex operators (`year>>`, `genre!`). */
export type Query = Record<string, QueryValue>;

/** Builds URLSearchParams from a query object. */
export function toSearchParams(query: Query | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const one of value) params.append(key, String(one));
    } else if (typeof value === 'boolean') {
      params.append(key, value ? '1' : '0');
    } else {
      params.append(key, String(value));
    }
  }
  return params;
}
