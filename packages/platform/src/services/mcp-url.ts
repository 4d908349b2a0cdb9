// What an MCP's address may be. Checked by the route schemas and again by the services (the CLI
// calls them without a route), so the rules live here once.

/** Longest MCP address accepted. */
export const MAX_URL_LENGTH = 2048;

/**
 * Why `url` cannot be an MCP's address, or undefined when it can. Addresses are answered in
 * lists and logs, so they must not carry credentials: those go in `token` or `headers`, which
 * are sealed.
 */
export function mcpUrlProblem(url: string): string | undefined {
  if (url.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute http or https URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return 'must be an http or https URL';
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return 'must not contain a user name or password: put credentials in token or headers';
  }
  if ([...parsed.searchParams.keys()].some((k) => k.toLowerCase() === 'x-plex-token')) {
    return 'must not contain a Plex token: send it as token, which is stored encrypted';
  }
  return undefined;
}
