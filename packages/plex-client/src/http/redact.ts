const REDACTED = 'REDACTED';

/** Query parameters that carry secrets in Plex URLs. */
const SECRET_PARAMS = ['X-Plex-Token', 'token', 'authToken', 'accessToken'];

/**
 * `X-Plex-Token` as a query pair (`=`, or `%3D` inside a URL-encoded URL such as a redirect
 * target, where `&` arrives as `%26`) or as a header (`X-Plex-Token: …`, and the quoted forms
 * JSON and `util.inspect` print for a headers object).
 */
const TOKEN_PAIR = /(X-Plex-Token(?:=|%3D|["']?\s*:\s*["']?))(?:(?!%26)[^&\s,;"'])+/gi;

/** The `user:password@` of a URL in free text; dropped, as `redactUrl` drops it. */
const USERINFO = /(\b[a-z][a-z\d+.-]*:\/\/)[^\s/?#@"'<>]*@/gi;

/** A URL with its user name and password removed and every token-bearing query parameter replaced, safe to log or show. */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactText(String(url), []);
  }
  parsed.username = '';
  parsed.password = '';
  for (const name of SECRET_PARAMS) {
    if (parsed.searchParams.has(name)) parsed.searchParams.set(name, REDACTED);
  }
  return parsed.toString();
}

/**
 * Text safe to log: each given secret (as written and URL-encoded), any `X-Plex-Token=…`,
 * `X-Plex-Token%3D…` or `X-Plex-Token: …` value, and any `user:password@` in a URL masked.
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(TOKEN_PAIR, `$1${REDACTED}`).replace(USERINFO, '$1');
  for (const secret of secrets) {
    // Shorter "secrets" would mask ordinary words and numbers all over the text.
    if (secret.length < 4) continue;
    out = out.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join(REDACTED);
  }
  return out;
}

/**
 * The path and query of an already redacted URL, for messages a caller sees: the server's
 * scheme, host and port are the operator's business (they stay in the error's `url`).
 */
export function pathOf(redactedUrl: string): string {
  return redactedUrl.replace(/^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i, '') || '/';
}
