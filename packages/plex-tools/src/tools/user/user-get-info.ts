import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { isoTime } from '../../shared/outputs.js';
import { resolveUser } from '../../shared/resolve-user.js';
import { warningsField } from '../../shared/warnings.js';
import { hasServerAccess, userWarnings } from './user-shape.js';

/** The `username` input every user tool shares. */
export const usernameInput = {
  username: v.optional(
    v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Username (default: yours)')),
  ),
};

/** user_get_info: who a user is and what they can see; never a token. */
export const userGetInfo = defineTool({
  name: 'user_get_info',
  module: 'user',
  access: 'read',
  title: 'User details',
  description: "A user's role, email, join date, libraries and plays.",
  input: v.object({ ...usernameInput }),
  output: v.object({
    username: v.string(),
    title: v.string(),
    role: v.picklist(['owner', 'home', 'friend', 'local']),
    account_id: v.optional(v.number()),
    plex_id: v.optional(v.number()),
    email: v.optional(v.string()),
    joined_at: v.optional(v.string()),
    restricted: v.optional(v.boolean()),
    plex_pass: v.optional(v.boolean()),
    server_access: v.boolean(),
    /** Each of these is null when the request behind it was refused (see `warnings`). */
    all_libraries: v.nullish(v.boolean()),
    libraries: v.nullish(v.array(v.string())),
    plays: v.nullish(v.number()),
    last_played_at: v.nullish(v.string()),
    ...warningsField,
  }),
  annotations: { openWorldHint: true },
  async run(ctx, input) {
    const { user, directory } = await resolveUser(ctx, input.username);
    const call = { signal: ctx.signal };
    // Who the user is comes from the directory; plays, library titles and shares are details.
    const warnings = userWarnings(ctx, directory);
    const accountId = user.accountId;
    const [history, sections] = await Promise.all([
      accountId === undefined
        ? undefined
        : warnings.optional('play count', () =>
            ctx.plex.history.list({ accountId, limit: 1, signal: ctx.signal }),
          ),
      warnings.optional('library titles', () => ctx.plex.libraries.list(call)),
    ]);
    let allLibraries: boolean | null | undefined = user.allLibraries;
    if (allLibraries === undefined && user.role === 'home' && user.plexId !== undefined) {
      // plex.tv lists home users without their shares; the server's share list says (owner only).
      const plexId = user.plexId;
      const shares = await warnings.optional('library shares', async () => {
        const identity = await ctx.plex.server.identity(call);
        return ctx.plex.plexTv.sharedServers(identity.machineIdentifier, call);
      });
      allLibraries =
        shares === null ? null : shares.find((share) => share.userID === plexId)?.allLibraries;
    }
    const libraries =
      allLibraries === true ? (sections?.map((section) => section.title) ?? null) : user.libraries;
    const account = user.account;
    const last = history?.items[0];
    return warnings.attach({
      username: user.username,
      title: user.title,
      role: user.role,
      account_id: user.accountId,
      plex_id: user.plexId,
      // The email only for the owner: others' addresses are theirs to share.
      email: user.role === 'owner' ? user.email : undefined,
      joined_at: isoTime(account?.joinedAt),
      restricted: user.restricted ?? account?.restricted,
      plex_pass: account?.subscription?.active,
      server_access: hasServerAccess(user),
      all_libraries: allLibraries,
      libraries,
      plays: history === null ? null : history?.totalSize,
      last_played_at: history === null ? null : isoTime(last?.viewedAt),
    });
  },
});
