/** A configured URL split into the URL requests go to and the credentials it carried. */
export interface SplitUrl {
  /** The URL without `user:password@` and without a trailing slash. */
  url: string;
  /** `Basic …` for the Authorization header, when the URL carried a user name or password. */
  authorization?: string;
  /** The password (alone and after the user name) and the header's value, to mask wherever text is printed. */
  secrets: string[];
}

/**
 * Takes the `user:password@` out of a configured URL (`http://user:pass@host:32400`, the form
 * reverse proxies with HTTP Basic auth in front of Plex ask for). The credentials travel only in
 * an `Authorization: Basic` header, never in a URL: URLs end up in messages, logs and errors,
 * and fetch refuses to send a URL that has them at all.
 */
export function splitCredentials(configured: string): SplitUrl {
  const parsed = new URL(configured);
  if (parsed.username === '' && parsed.password === '') {
    return { url: trimSlash(configured), secrets: [] };
  }
  // The URL parser keeps userinfo percent-encoded; the header carries the plain text.
  const user = decoded(parsed.username);
  const password = decoded(parsed.password);
  parsed.username = '';
  parsed.password = '';
  const encoded = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
  return {
    url: trimSlash(parsed.toString()),
    authorization: `Basic ${encoded}`,
    // `user:password` before `password`, so an echo of the pair is masked whole.
    secrets: password === '' ? [encoded] : [`${user}:${password}`, password, encoded],
  };
}

/** Percent-decoded text; a malformed escape (`%zz`) is kept as written, as browsers do. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A base URL without its trailing slashes, so `${base}${path}` never doubles one. */
export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
