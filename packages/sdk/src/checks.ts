/** Option checks shared by every client (REST, MCP, platform): misuse throws here, before any call. */

/** Rejects keys that could never be sent as a header, without echoing them. */
export function checkedApiKey(apiKey: string): string {
  // Visible ASCII only: anything else fails inside fetch with the key quoted in the error.
  if (typeof apiKey !== 'string' || !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new TypeError('apiKey must be a non-empty string of visible ASCII characters.');
  }
  return apiKey;
}

/** Timers hold at most 2^31 − 1 ms; a longer timeout would fire at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** A timeout a timer can hold: a whole number of ms from 1 to about 24 days. */
export function checkedTimeout(timeoutMs: unknown): number {
  if (
    typeof timeoutMs !== 'number' ||
    !Number.isInteger(timeoutMs) ||
    timeoutMs < 1 ||
    timeoutMs > MAX_TIMEOUT_MS
  ) {
    throw new TypeError(
      `timeoutMs must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}; got ${String(timeoutMs)}.`,
    );
  }
  return timeoutMs;
}

/** A fetch to call: the caller's own or the global one. */
export function checkedFetch(fetchImpl: unknown): typeof fetch {
  if (typeof fetchImpl !== 'function') throw new TypeError('fetch must be a function.');
  return fetchImpl as typeof fetch;
}

/** The base URL with a trailing slash, so relative paths keep a proxy's path prefix. */
export function checkedBaseUrl(input: string | URL): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new TypeError(
      `baseUrl must be an absolute URL such as http://127.0.0.1:3001; got "${input}".`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`baseUrl must use http or https; got ${url.protocol}`);
  }
  if (url.search || url.username || url.password) {
    throw new TypeError('baseUrl must not carry credentials or a query; pass the key as apiKey.');
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
