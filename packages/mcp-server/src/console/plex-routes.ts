// "Add a Plex server" through plex.tv's PIN sign-in, with every token kept on the server:
//   POST /console/api/plex/pins           starts one: {id, code, link_url, expires_at}
//   GET  /console/api/plex/pins/{id}      pending | approved with the account's servers | expired
//   POST /console/api/plex/servers        {pin_id, client_identifier, connection_uri, name?,
//                                          access?} adds the picked server as an MCP
// The browser sees codes, names and addresses, never the account's plex.tv token or a server's
// access token. The MCP is created through /v1 under the session's key, so the key's scopes
// apply (a read-only key cannot add one) and the token is stored as every Plex MCP's is.

import type { PlexClient } from '@plexmcp/plex-client';
import type { Context } from 'hono';
import type { FrontDoorEnv } from '../http/guards.js';
import { sessionOf, signedOut } from './api-proxy.js';
import { type FrontDoorFetch, onBehalfOf } from './front-door-request.js';
import { jsonBody } from './json-body.js';
import type { ConsoleServerAccess } from './platform-access.js';
import {
  APPROVED_LIFETIME_MS,
  type createSignInStore,
  type OfferedServer,
  type PendingSignIn,
} from './plex-sign-ins.js';
import { consoleError, consoleJson } from './replies.js';
import type { createSessionStore } from './sessions.js';

type Sessions = ReturnType<typeof createSessionStore>;

const PLEX_TV = 'https://plex.tv';
/** plex.tv asks clients to check a PIN about once a second, however often the page asks. */
const CHECK_INTERVAL_MS = 1000;
/** A PIN lives 15 minutes at plex.tv; one said to live longer is held no longer than this. */
const LONGEST_PIN_MS = 30 * 60 * 1000;
/** How long the chosen connection may take to answer before it counts as unreachable. */
const PROBE_TIMEOUT_MS = 5000;
const ACCESS = new Set(['read', 'write', 'delete']);

const unknownSignIn = () =>
  consoleError(
    404,
    'not_found',
    'This plex.tv sign-in is unknown or has expired: start again with a new code.',
  );

/** A failed plex.tv request in words, without its URL or anything it was sent. */
function plexTvFailure(error: unknown): Response {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'UNREACHABLE' || code === 'TIMEOUT') {
    return consoleError(
      502,
      'plex_tv_unreachable',
      'plex.tv did not answer: check that this server can reach it, then try again.',
    );
  }
  return consoleError(502, 'plex_tv_error', 'plex.tv refused the request: try again in a moment.');
}

/** What the browser learns about a server: never its token. */
const offered = (server: OfferedServer) => ({
  name: server.name,
  client_identifier: server.clientIdentifier,
  owned: server.owned,
  connections: server.connections,
});

const text = (value: unknown, longest: number) =>
  typeof value === 'string' && value.trim() !== '' && value.length <= longest
    ? value.trim()
    : undefined;

/** The PIN sign-in routes of one console. */
export function createPlexRoutes(options: {
  sessions: Sessions;
  /** The sign-ins in progress, which end with their sessions (see door.ts). */
  pending: ReturnType<typeof createSignInStore>;
  access: ConsoleServerAccess;
  frontDoor: FrontDoorFetch;
  now?: () => number;
}) {
  const { sessions, pending, access, frontDoor } = options;
  const now = options.now ?? Date.now;
  const plexTvUrl = access.plexTvUrl ?? PLEX_TV;
  const timeoutMs = Math.min(access.plexTimeoutMs ?? 10_000, 10_000);
  let signIn: ReturnType<ConsoleServerAccess['createSignIn']> | undefined;
  const plexTv = () => {
    signIn ??= access.createSignIn({
      plexTvUrl,
      product: 'PlexMCP console',
      timeoutMs,
      retry: false,
    });
    return signIn;
  };
  /** A client that only ever asks plex.tv, as the signed-in account. */
  const account = (token: string): PlexClient =>
    access.createPlex({ baseUrl: plexTvUrl, plexTvUrl, token, timeoutMs, retry: false });

  const start = async (c: Context<FrontDoorEnv>) => {
    const found = sessionOf(c, sessions);
    if (found instanceof Response) return found;
    let pin: Awaited<ReturnType<ReturnType<typeof plexTv>['createPin']>>;
    try {
      pin = await plexTv().createPin({ signal: c.req.raw.signal });
    } catch (error) {
      return plexTvFailure(error);
    }
    const at = now();
    const said =
      pin.expiresIn !== undefined
        ? at + Number(pin.expiresIn) * 1000
        : pin.expiresAt
          ? Date.parse(pin.expiresAt)
          : Number.NaN;
    const expiresAt = Math.min(
      Number.isFinite(said) ? said : at + 15 * 60_000,
      at + LONGEST_PIN_MS,
    );
    const id = pending.add(found.session, Number(pin.id), expiresAt);
    return consoleJson(201, {
      id,
      code: pin.code,
      link_url: pin.linkUrl,
      expires_at: new Date(expiresAt).toISOString(),
    });
  };

  /** Reads the account's servers with its token, then forgets the token. */
  const readServers = async (entry: PendingSignIn, token: string, signal: AbortSignal) => {
    const resources = await account(token).plexTv.resources({ signal });
    entry.servers = resources
      .filter((resource) => (resource.provides ?? []).includes('server') && resource.accessToken)
      .map((resource) => ({
        name: resource.name,
        clientIdentifier: resource.clientIdentifier,
        owned: resource.owned,
        connections: resource.connections.map((connection) => ({
          uri: connection.uri,
          local: connection.local,
          relay: connection.relay,
        })),
        accessToken: resource.accessToken as string,
      }));
    delete entry.accountToken;
  };

  const check = async (c: Context<FrontDoorEnv>, id: string) => {
    const found = sessionOf(c, sessions);
    if (found instanceof Response) return found;
    const entry = pending.get(id, found.session);
    if (!entry) return unknownSignIn();
    const pendingAnswer = () =>
      consoleJson(200, { status: 'pending', expires_at: new Date(entry.expiresAt).toISOString() });
    if (!entry.servers && !entry.accountToken) {
      if (now() - entry.checkedAt < CHECK_INTERVAL_MS) return pendingAnswer();
      entry.checkedAt = now();
      try {
        const pin = await plexTv().checkPin(entry.pinId, { signal: c.req.raw.signal });
        if (!pin.authToken) return pendingAnswer();
        entry.accountToken = pin.authToken;
        entry.expiresAt = Math.min(entry.expiresAt, now() + APPROVED_LIFETIME_MS);
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code !== 'NOT_FOUND') return plexTvFailure(error);
        pending.end(id);
        return consoleJson(200, {
          status: 'expired',
          message: 'The code expired before it was approved: start again with a new code.',
        });
      }
    }
    if (!entry.servers && entry.accountToken) {
      try {
        await readServers(entry, entry.accountToken, c.req.raw.signal);
      } catch (error) {
        return plexTvFailure(error);
      }
    }
    return consoleJson(200, {
      status: 'approved',
      expires_at: new Date(entry.expiresAt).toISOString(),
      servers: (entry.servers ?? []).map(offered),
    });
  };

  const add = async (c: Context<FrontDoorEnv>) => {
    const found = sessionOf(c, sessions);
    if (found instanceof Response) return found;
    const body = await jsonBody(
      c,
      '{"pin_id": "…", "client_identifier": "…", "connection_uri": "…", "name": "…"}',
    );
    if (body instanceof Response) return body;
    const pinId = text(body.pin_id, 64);
    const clientIdentifier = text(body.client_identifier, 256);
    const connectionUri = text(body.connection_uri, 2048);
    const name = body.name === undefined ? undefined : text(body.name, 100);
    const chosenAccess = body.access === undefined ? undefined : body.access;
    if (!pinId || !clientIdentifier || !connectionUri) {
      return consoleError(
        400,
        'invalid_request',
        'Send pin_id, client_identifier and connection_uri, as the list of servers names them.',
      );
    }
    if (body.name !== undefined && !name) {
      return consoleError(400, 'invalid_request', 'name must be 1 to 100 characters.');
    }
    if (chosenAccess !== undefined && !ACCESS.has(chosenAccess as string)) {
      return consoleError(400, 'invalid_request', 'access must be read, write or delete.');
    }
    const entry = pending.get(pinId, found.session);
    if (!entry) return unknownSignIn();
    if (!entry.servers) {
      return consoleError(
        409,
        'not_approved',
        'The code is not approved yet: approve it on plex.tv, then pick a server.',
      );
    }
    const server = entry.servers.find((one) => one.clientIdentifier === clientIdentifier);
    if (!server) {
      return consoleError(
        400,
        'invalid_request',
        'That server is not one of this plex.tv account’s: pick one from the list.',
      );
    }
    // Only an address plex.tv gave for this server: the token goes nowhere else.
    if (!server.connections.some((connection) => connection.uri === connectionUri)) {
      return consoleError(
        400,
        'invalid_request',
        `That address is not one of “${server.name}”’s: pick one from its list.`,
      );
    }
    const reachable = await reaches(server, connectionUri, c.req.raw.signal);
    if (reachable !== true) return reachable;
    const request = onBehalfOf(c.req.raw, found.session.key, {
      path: '/v1/mcps',
      search: '',
      method: 'POST',
      body: new TextEncoder().encode(
        JSON.stringify({
          kind: 'plex',
          name: name ?? server.name,
          url: connectionUri,
          token: server.accessToken,
          ...(chosenAccess ? { access: chosenAccess } : {}),
        }),
      ).buffer as ArrayBuffer,
    });
    request.headers.set('content-type', 'application/json');
    const answer = await frontDoor(request, c.env);
    if (answer.status === 401) {
      sessions.end(found.id);
      return signedOut(c);
    }
    // Added: the sign-in is used up, its tokens forgotten. Refused (a name taken, a key without
    // the admin scope): it stays until it expires, so another name can be tried.
    if (answer.status === 201) pending.end(pinId);
    const retryAfter = answer.headers.get('retry-after');
    return consoleJson(
      answer.status,
      await answer.json().catch(() => null),
      retryAfter ? { 'retry-after': retryAfter } : {},
    );
  };

  /** Whether the server answers at `uri` as itself; otherwise the refusal to send. */
  const reaches = async (
    server: OfferedServer,
    uri: string,
    signal: AbortSignal,
  ): Promise<true | Response> => {
    const unreachable = (why: string) =>
      consoleError(
        502,
        'plex_unreachable',
        `“${server.name}” ${why} at ${uri}. ${
          server.connections.length > 1
            ? 'Pick another of its addresses (a local one works only from the same network).'
            : 'Check that it is running and that this server can reach it.'
        }`,
      );
    try {
      const plex = access.createPlex({
        baseUrl: uri,
        token: server.accessToken,
        timeoutMs: Math.min(timeoutMs, PROBE_TIMEOUT_MS),
        retry: false,
      });
      const identity = await plex.server.identity({ signal });
      if (identity.machineIdentifier && identity.machineIdentifier !== server.clientIdentifier) {
        return unreachable('answers as another server');
      }
      return true;
    } catch {
      return unreachable('did not answer');
    }
  };

  return { start, check, add };
}
