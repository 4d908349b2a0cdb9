// `mcps add --login`: the plex.tv PIN sign-in (the person approves on plex.tv; no password is
// typed here), then the account's servers, one of which becomes the MCP. The account token is
// used for this and forgotten; the MCP stores the server's own access token, sealed.

import { createPlexClient, createPlexSignIn } from '@plexmcp/plex-client';
import { AdminError } from './admin-errors.js';
import type { AdminIo } from './admin-io.js';

/** The server picked: its name, the URL to reach it and the token for it (SECRET). */
export interface PlexServerChoice {
  name: string;
  url: string;
  token: string;
}

const PLEX_TV = 'https://plex.tv';

/**
 * Signs in with a PIN and answers the server `server` names (name or machine id), or the only
 * one the account has. Several and no choice: an error listing them, to run again with --server.
 */
export async function signInAndChooseServer(options: {
  io: AdminIo;
  server: string | undefined;
  timeoutMs: number;
}): Promise<PlexServerChoice> {
  const { io } = options;
  const plexTvUrl = io.env.PLEX_TV_URL?.trim() || PLEX_TV;
  const signIn = createPlexSignIn({ plexTvUrl });
  const pin = await signIn.createPin();
  io.stderr(`To sign in, open ${pin.linkUrl} and enter the code ${pin.code}\n`);
  io.stderr(`Waiting up to ${Math.round(options.timeoutMs / 1000)} s for the approval...\n`);
  let accountToken: string;
  try {
    accountToken = await signIn.pollPin(pin.id, { signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    if (
      (error as Error).name === 'TimeoutError' ||
      (error as { code?: string }).code === 'TIMEOUT'
    ) {
      throw new AdminError('Not approved in time; nothing was added. Run the command again.');
    }
    throw error;
  }
  // Only plex.tv is asked here; the client's server address is never used.
  const account = createPlexClient({ baseUrl: plexTvUrl, plexTvUrl, token: accountToken });
  const servers = (await account.plexTv.resources()).filter(
    (resource) => (resource.provides ?? []).includes('server') && resource.accessToken,
  );
  const wanted = options.server;
  const matching = wanted
    ? servers.filter((s) => s.name === wanted || s.clientIdentifier === wanted)
    : servers;
  if (matching.length !== 1) {
    const names = servers.map((s) => `"${s.name}" (${s.clientIdentifier})`).join(', ');
    throw new AdminError(
      servers.length === 0
        ? 'This plex.tv account reaches no Plex Media Server.'
        : wanted
          ? `No server "${wanted}" on this account; it has ${names}. Pass one with --server.`
          : `This account has several servers: ${names}. Say which with --server <name>.`,
    );
  }
  const [server] = matching;
  // A direct connection first (local before remote), a relay only when nothing else exists.
  const connection =
    server?.connections.find((c) => c.local && !c.relay) ??
    server?.connections.find((c) => !c.relay) ??
    server?.connections[0];
  if (!server?.accessToken || !connection) {
    throw new AdminError(`Server "${server?.name}" lists no connection this machine could use.`);
  }
  io.stderr(`Signed in; adding "${server.name}" at ${connection.uri}.\n`);
  return { name: server.name, url: connection.uri, token: server.accessToken };
}
