// Posters for the browser without a Plex token in it: `/console/api/posters/{mcp_id}/{item_id}`
// fetches the item's poster from the MCP's Plex server, token in a header on the server's side,
// and answers the image bytes. The MCP is opened as the session's key may reach it — another
// organization's MCP, or one outside the key's MCPs, is 404 like one that does not exist.

import type { PlexClient } from '@plexmcp/plex-client';
import type { Context } from 'hono';
import type { FrontDoorEnv } from '../http/guards.js';
import { signedOut } from './api-proxy.js';
import { sessionCookie } from './cookies.js';
import type { ConsoleServerAccess } from './platform-access.js';
import { consoleError } from './replies.js';
import { secured } from './security-headers.js';
import type { createSessionStore } from './sessions.js';

type Sessions = ReturnType<typeof createSessionStore>;

/** Managed keys look like this; any other key is one configured on the server. */
const MANAGED_KEY = /^plexmcp_/;
/** Plex item ids (rating keys) are numbers. */
const ITEM_ID = /^\d{1,12}$/;
const MCP_ID = /^mcp_[A-Za-z0-9]{1,64}$/;
/** Posters are shown small; Plex resizes them before they travel. */
const POSTER_WIDTH = 240;

const notFound = () => consoleError(404, 'not_found', 'No such MCP or item.');

/** The poster route, with the Plex clients it made kept per MCP version. */
export function createPosters(options: { sessions: Sessions; access: ConsoleServerAccess }) {
  const { sessions, access } = options;
  const clients = new Map<string, PlexClient>();
  const clientFor = (
    mcp: { id: string; url: string | null; updated_at: string },
    token: string | null,
  ) => {
    if (mcp.url === null) return access.plex;
    // A Plex MCP is stored with its token; without one there is nothing to ask Plex with.
    if (!token) return undefined;
    const key = `${mcp.id}@${mcp.updated_at}`;
    let client = clients.get(key);
    if (!client) {
      if (clients.size >= 64) clients.clear();
      client = access.createPlex({
        baseUrl: mcp.url,
        token,
        timeoutMs: access.plexTimeoutMs ?? 10_000,
        retry: false,
      });
      clients.set(key, client);
    }
    return client;
  };

  return async (c: Context<FrontDoorEnv>, mcpId: string, itemId: string): Promise<Response> => {
    const session = sessions.get(sessionCookie(c));
    if (!session) return signedOut(c);
    const { platform } = access;
    if (!platform || !MCP_ID.test(mcpId) || !ITEM_ID.test(itemId)) return notFound();
    const managed = MANAGED_KEY.test(session.key);
    const caller = managed
      ? await platform.authenticate(session.key)
      : platform.staticCaller(['read']);
    if (caller === undefined || typeof caller === 'string') {
      sessions.end(sessionCookie(c));
      return signedOut(c);
    }
    if (caller.organizationId !== session.organizationId || !caller.scopes.includes('read')) {
      return notFound();
    }
    const target = await platform.loadMcp(caller, mcpId);
    if (target?.mcp.kind !== 'plex') return notFound();
    try {
      const plex = clientFor(target.mcp, target.secret);
      if (!plex) return notFound();
      const item = await plex.metadata.get(itemId, { signal: c.req.raw.signal });
      if (!item.thumb) return notFound();
      const image = await plex.metadata.fetchImage(item.thumb, {
        width: POSTER_WIDTH,
        signal: c.req.raw.signal,
      });
      if (!/^image\/(png|jpeg|gif|webp)$/.test(image.contentType)) return notFound();
      return new Response(image.data, {
        headers: secured(
          new Headers({
            'content-type': image.contentType,
            // Per browser, briefly: a poster changes when its item does.
            'cache-control': 'private, max-age=300',
          }),
        ),
      });
    } catch {
      // The Plex error may name the server; the browser only learns there is no poster.
      return consoleError(502, 'upstream_error', 'The poster could not be fetched from Plex.');
    }
  };
}
