import type { Account, Friend, HomeUser, PlexTvUser } from '@plexmcp/plex-client';
import { isPlexError, PlexError } from '@plexmcp/plex-client';
import type { ToolContext } from '../context.js';
import { ToolError } from '../errors.js';
import { candidateList } from './listing.js';
import { missingReason } from './warnings.js';

/** How a user relates to the server. */
export type UserRole = 'owner' | 'home' | 'friend' | 'local';

/**
 * One person who can use the server: the server's local account (the id history uses) joined
 * with what plex.tv knows. Never carries a token.
 */
export interface UserEntry {
  /** Username, or the title for managed users who have none. */
  username: string;
  title: string;
  role: UserRole;
  /** The server's `/accounts` id (history's `accountID`); the owner is 1. */
  accountId?: number;
  /** The plex.tv user id. */
  plexId?: number;
  /** Only ever set for the owner. */
  email?: string;
  restricted?: boolean;
  /** Libraries shared with a friend (titles); undefined when plex.tv does not say. */
  libraries?: string[];
  allLibraries?: boolean;
  /** The owner's plex.tv account, when the signed-in account is the owner. */
  account?: PlexTvUser;
}

/** Every user of the server, and whether plex.tv could be read. */
export interface UserDirectory {
  users: UserEntry[];
  /** Why plex.tv users are missing, when they are (no URL, address or token in it). */
  plexTvError?: string;
  /** Why friends' shared libraries are unknown: the server's identity could not be read. */
  sharesError?: string;
  /** The account the client is signed in as (its username or title), when known. */
  signedIn?: string;
}

const lower = (text: string | undefined) => (text ?? '').toLowerCase();

/** Runs a plex.tv call; a failure becomes a note instead of failing the whole tool. */
async function tryPlexTv<T>(call: () => Promise<T>, empty: T, notes: string[]): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof PlexError && error.code === 'NOT_FOUND') return empty;
    if (error instanceof Error && error.name === 'AbortError') throw error;
    // The reason alone: plex.tv's messages name its URL, and its answers carry tokens.
    const note = isPlexError(error) ? missingReason(error, 'plex.tv') : 'unexpected failure';
    if (!notes.includes(note)) notes.push(note);
    return empty;
  }
}

function sameUser(account: Account, name: string | undefined, title: string): boolean {
  const accountName = lower(account.name);
  return accountName !== '' && (accountName === lower(name) || accountName === lower(title));
}

/**
 * Builds the user list: the server's accounts (system account 0 left out), the Plex Home and
 * plex.tv friends, joined by username or title (case-insensitive). plex.tv failures leave the
 * server's accounts and a note.
 */
export async function listUsers(ctx: ToolContext): Promise<UserDirectory> {
  const call = { signal: ctx.signal };
  const notes: string[] = [];
  const [accounts, me, home, friends, identity] = await Promise.all([
    ctx.plex.accounts.list(call),
    tryPlexTv<PlexTvUser | undefined>(() => ctx.plex.plexTv.user(call), undefined, notes),
    tryPlexTv<HomeUser[]>(() => ctx.plex.plexTv.homeUsers(call), [], notes),
    tryPlexTv<Friend[]>(() => ctx.plex.plexTv.friends(call), [], notes),
    ctx.plex.server.identity(call).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      return isPlexError(error) ? missingReason(error) : 'unexpected failure';
    }),
  ]);
  const local = accounts.filter((account) => account.id !== 0 && account.name !== '');
  const used = new Set<number>();
  const accountFor = (name: string | undefined, title: string) => {
    const found = local.find((account) => !used.has(account.id) && sameUser(account, name, title));
    if (found) used.add(found.id);
    return found;
  };
  const users: UserEntry[] = [];

  // The owner: server account 1, with the plex.tv account when the client is signed in as it.
  const ownerAccount = local.find((account) => account.id === 1);
  if (ownerAccount) {
    used.add(ownerAccount.id);
    const owner: UserEntry = {
      username: ownerAccount.name,
      title: ownerAccount.name,
      role: 'owner',
      accountId: ownerAccount.id,
      allLibraries: true,
    };
    if (me && sameUser(ownerAccount, me.username, me.title)) {
      owner.title = me.title;
      owner.plexId = me.id;
      if (me.email !== undefined) owner.email = me.email;
      owner.account = me;
    }
    users.push(owner);
  }

  for (const member of home) {
    if (member.admin || (me !== undefined && member.id === me.id)) continue;
    const account = accountFor(member.username, member.title);
    const entry: UserEntry = {
      username: member.username ?? member.title,
      title: member.title,
      role: 'home',
      plexId: member.id,
      restricted: member.restricted,
    };
    if (account) entry.accountId = account.id;
    users.push(entry);
  }

  // A friend's shares name servers by machine id. Without this server's id, which share is
  // this server's is unknown: guessing (say, the first) could show another server's libraries.
  const machine = typeof identity === 'string' ? undefined : identity.machineIdentifier;
  for (const friend of friends) {
    if (users.some((user) => user.plexId === friend.id)) continue;
    const account = accountFor(friend.username, friend.title);
    const share = friend.sharedServers.find((server) => server.machineIdentifier === machine);
    const entry: UserEntry = {
      username: friend.username ?? friend.title,
      title: friend.title,
      role: 'friend',
      plexId: friend.id,
    };
    if (friend.restricted !== undefined) entry.restricted = friend.restricted;
    if (account) entry.accountId = account.id;
    if (share) {
      entry.libraries = share.libraries.map((library) => library.title);
      if (share.allLibraries !== undefined) entry.allLibraries = share.allLibraries;
    }
    users.push(entry);
  }

  // Server accounts plex.tv did not mention (plex.tv down, or a removed friend's old account).
  for (const account of local) {
    if (used.has(account.id)) continue;
    users.push({
      username: account.name,
      title: account.name,
      role: 'local',
      accountId: account.id,
    });
  }

  const directory: UserDirectory = { users };
  if (notes.length > 0) directory.plexTvError = notes.join('; ');
  if (typeof identity === 'string' && friends.length > 0) directory.sharesError = identity;
  const signedIn = me?.username ?? me?.title;
  if (signedIn !== undefined) directory.signedIn = signedIn;
  return directory;
}

/** The `warnings` entry for a directory plex.tv could not fill, if it could not. */
export function plexTvWarning(directory: UserDirectory): string | undefined {
  return directory.plexTvError === undefined
    ? undefined
    : `plex.tv users unavailable: ${directory.plexTvError}; only the server's own accounts are known`;
}

/** The `warnings` entry for friends whose shared libraries could not be told, if any. */
export function sharesWarning(directory: UserDirectory): string | undefined {
  return directory.sharesError === undefined
    ? undefined
    : `friends' shared libraries unavailable: ${directory.sharesError}`;
}

/** The name to show for a user in messages. */
export function userLabel(user: UserEntry): string {
  return user.title !== user.username ? `${user.username} (${user.title})` : user.username;
}

/** A resolved user and the directory it came from. */
export interface ResolvedUser {
  user: UserEntry;
  directory: UserDirectory;
}

/**
 * Finds a user by username or title (case-insensitive); without a name, the configured default
 * user (PLEX_USERNAME) or else the owner. NOT_FOUND names the users there are.
 */
export async function resolveUser(
  ctx: ToolContext,
  username: string | undefined,
): Promise<ResolvedUser> {
  const directory = await listUsers(ctx);
  const { users } = directory;
  const wanted = username ?? ctx.config.defaultUsername;
  if (wanted === undefined || wanted.trim() === '') {
    const owner = users.find((user) => user.role === 'owner');
    if (owner) return { user: owner, directory };
    throw new ToolError('NOT_FOUND', 'The server lists no owner account; give username.', {
      users: users.map((user) => user.username),
    });
  }
  const name = lower(wanted.trim());
  const byUsername = users.filter((user) => lower(user.username) === name);
  const matches = byUsername.length > 0 ? byUsername : users.filter((u) => lower(u.title) === name);
  if (matches.length === 1) return { user: matches[0]!, directory };
  if (matches.length > 1) {
    throw new ToolError(
      'AMBIGUOUS',
      `${matches.length} users are called "${wanted}": ${candidateList(
        matches.map((user) => userLabel(user)),
      )}. Call again with one of their usernames.`,
      { candidates: matches.map((user) => ({ username: user.username, title: user.title })) },
    );
  }
  const names = users.map(userLabel).join(', ');
  throw new ToolError(
    'NOT_FOUND',
    `No user "${wanted}". Users: ${names || 'none'}.${directory.plexTvError ? ' (plex.tv could not be read, so only server accounts are listed.)' : ''}`,
    {
      users: users.map((user) => ({ username: user.username, title: user.title, role: user.role })),
    },
  );
}

/**
 * Whether the client is signed in as this user, so its requests already act as them (see
 * `clientForUser` for acting as anyone else). plex.tv says which account it is; when plex.tv
 * cannot be read, a request only the owner may make tells whether it is the owner. Undefined
 * when the account stays unknown.
 */
export async function isSignedInUser(
  ctx: ToolContext,
  resolved: ResolvedUser,
): Promise<boolean | undefined> {
  const { user, directory } = resolved;
  if (directory.signedIn !== undefined) {
    const me = lower(directory.signedIn);
    return lower(user.username) === me || lower(user.title) === me;
  }
  try {
    await ctx.plex.butler.tasks({ signal: ctx.signal });
    return user.role === 'owner';
  } catch (error) {
    if (error instanceof PlexError && (error.code === 'FORBIDDEN' || error.code === 'UNAUTHORIZED'))
      return undefined;
    throw error;
  }
}
