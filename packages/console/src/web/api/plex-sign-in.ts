// The console server's plex.tv sign-in (`/console/api/plex/…`): the page only ever sees the code,
// the link, and the account's servers by name and address. The tokens stay on the server.

import type { Mcp } from '@plexmcp/sdk';
import { csrfToken, sessionEnded } from './session.js';

/** A started sign-in: show `code` and `link_url` to the person. */
export interface StartedSignIn {
  id: string;
  code: string;
  link_url: string;
  expires_at: string;
}

/** One address of a server, as plex.tv lists it. */
export interface ServerConnection {
  uri: string;
  local: boolean;
  relay: boolean;
}

/** A server the signed-in account can reach. */
export interface OfferedServer {
  name: string;
  client_identifier: string;
  owned: boolean;
  connections: ServerConnection[];
}

/** Where a sign-in stands. */
export type SignInState =
  | { status: 'pending'; expires_at: string }
  | { status: 'approved'; expires_at: string; servers: OfferedServer[] }
  | { status: 'expired'; message: string };

/** What the person picked. */
export interface ServerPick {
  pin_id: string;
  client_identifier: string;
  connection_uri: string;
  name: string;
  access: 'read' | 'write' | 'delete';
}

/** An answer, or the reason in words. */
export type Answer<T> = { data: T; error?: undefined } | { data?: undefined; error: string };

async function ask<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(`/console/api/plex${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'x-csrf-token': csrfToken(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { error: 'The server did not answer. Is it still running?' };
  }
  if (response.status === 401) sessionEnded();
  const reply = (await response.json().catch(() => null)) as
    | (T & { success?: boolean; data?: unknown; error?: { message?: string } })
    | null;
  if (!response.ok || reply === null) {
    return { error: reply?.error?.message ?? `Request failed (HTTP ${response.status}).` };
  }
  return { data: reply };
}

/** Asks plex.tv for a code. */
export const startSignIn = () => ask<StartedSignIn>('POST', '/pins');

/** Whether the code was approved yet (and then the account's servers). */
export const checkSignIn = (id: string) =>
  ask<SignInState>('GET', `/pins/${encodeURIComponent(id)}`);

/** Adds the picked server as an MCP. */
export async function addServer(pick: ServerPick): Promise<Answer<Mcp>> {
  const answer = await ask<{ data: Mcp }>('POST', '/servers', pick);
  return answer.error === undefined ? { data: answer.data.data } : answer;
}
