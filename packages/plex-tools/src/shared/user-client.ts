import { type PlexClient, PlexError } from '@plexmcp/plex-client';
import type { ToolContext } from '../context.js';
import { ToolError, type ToolErrorCode } from '../errors.js';
import { isSignedInUser, type ResolvedUser, userLabel } from './resolve-user.js';

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';

/**
 * Why a token lookup failed, without the failure's own text: plex.tv's answers here carry other
 * accounts' tokens, so nothing of them is repeated.
 */
function lookupFailure(error: unknown, who: string): ToolError {
  const code = error instanceof PlexError ? error.code : undefined;
  if (code === 'FORBIDDEN' || code === 'UNAUTHORIZED') {
    return new ToolError(
      'FORBIDDEN',
      `Acting as ${who} needs their token for this server from plex.tv, which only the server owner's sign-in can read. Sign in as the owner.`,
      { username: who },
    );
  }
  const mapped: ToolErrorCode =
    code === 'UNREACHABLE'
      ? 'PLEX_UNREACHABLE'
      : code === 'TIMEOUT' || code === 'RATE_LIMITED'
        ? code
        : 'PLEX_ERROR';
  return new ToolError(
    mapped,
    `plex.tv did not give ${who}'s token for this server${code ? ` (${code})` : ''}; try again later.`,
    { username: who },
  );
}

/**
 * A client acting as `resolved.user`: `ctx.plex` itself for the signed-in account, else a
 * client with that user's own server token (SECRET, never returned or put in a message). Friends
 * and home users: the token of their share (`shared_servers`, owner only); a home user not found
 * there: switch to them on plex.tv and take this server's `accessToken` from their resources.
 * FORBIDDEN when the user cannot be acted as (server-only accounts, the owner from another
 * sign-in, plex.tv unreadable).
 */
export async function clientForUser(ctx: ToolContext, resolved: ResolvedUser): Promise<PlexClient> {
  const { user, directory } = resolved;
  const who = userLabel(user);
  const own = await isSignedInUser(ctx, resolved);
  if (own === true) return ctx.plex;
  if (own === undefined) {
    throw new ToolError(
      'FORBIDDEN',
      `plex.tv could not be read, so neither the account this connection is signed in as nor ${who}'s token for this server is known. Try again later.`,
      { username: user.username },
    );
  }
  if (user.role === 'owner' || user.plexId === undefined) {
    const reason =
      user.role === 'owner'
        ? `this connection is signed in as ${directory.signedIn ?? 'another account'}, and only the owner's own sign-in acts as the owner`
        : 'plex.tv does not list them as a friend or home user, so their token cannot be had';
    throw new ToolError('FORBIDDEN', `Cannot act as ${who}: ${reason}.`, {
      username: user.username,
    });
  }
  const call = { signal: ctx.signal };
  const { machineIdentifier } = await ctx.plex.server.identity(call);
  let token: string | undefined;
  let failure: unknown;
  try {
    token = await ctx.plex.plexTv.sharedServerToken(machineIdentifier, user.plexId, call);
  } catch (error) {
    if (isAbort(error)) throw error;
    failure = error;
  }
  if (token === undefined && user.role === 'home') {
    try {
      const switched = await ctx.plex.plexTv.switchHomeUser(user.plexId, call);
      const resources = await ctx.plex.withToken(switched.authToken).plexTv.resources(call);
      token = resources.find((r) => r.clientIdentifier === machineIdentifier)?.accessToken;
    } catch (error) {
      if (isAbort(error)) throw error;
      failure ??= error;
    }
  }
  if (token !== undefined && token !== '') return ctx.plex.withToken(token);
  if (failure !== undefined) throw lookupFailure(failure, who);
  throw new ToolError(
    'FORBIDDEN',
    `This server is not shared with ${who}, so nothing can be done as them here. Share a library with them first.`,
    { username: user.username },
  );
}
