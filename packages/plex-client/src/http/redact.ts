const REDACTED = 'REDACTED';

/** Query parameters that carry secrets in Plex URLs. */
const SECRET_PARAMS = ['X-Plex-Token', 'token', 'authToken', 'accessToken'];

/** A URL with every token-bearing query parameter replaced, safe to log or show. */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactText(String(url), []);
  }
  for (const name of SECRET_PARAMS) {
    if (parsed.searchParams.has(name)) parsed.searchParams.set(name, REDACTED);
  }
  return parsed.toString();
}

/** Text with each given secret (and any `X-Plex-Token=…` pair) replaced. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text.replace(/(X-Plex-Token=)[^&\s"']+/gi, `$1${REDACTED}`);
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}
