import * as v from 'valibot';
import type { ToolContext } from '../../context.js';
import {
  plexTvWarning,
  sharesWarning,
  type UserDirectory,
  type UserEntry,
} from '../../shared/resolve-user.js';
import { Warnings } from '../../shared/warnings.js';

/** A user tool's warnings, starting with plex.tv's users missing from the directory. */
export function userWarnings(ctx: ToolContext, directory: UserDirectory): Warnings {
  const warnings = new Warnings(ctx.signal);
  for (const missing of [plexTvWarning(directory), sharesWarning(directory)]) {
    if (missing !== undefined) warnings.add(missing);
  }
  return warnings;
}

/** A user as user lists show them; never a token, an email only in `user_get_info`. */
export const userSummary = v.object({
  username: v.string(),
  title: v.string(),
  role: v.picklist(['owner', 'home', 'friend', 'local']),
  account_id: v.optional(v.number()),
  plex_id: v.optional(v.number()),
  restricted: v.optional(v.boolean()),
  server_access: v.boolean(),
  all_libraries: v.optional(v.boolean()),
  libraries: v.optional(v.array(v.string())),
});

/** One user summary. */
export type UserSummary = v.InferOutput<typeof userSummary>;

/** Whether the user can use this server: the owner, anyone with a share or a server account. */
export function hasServerAccess(user: UserEntry): boolean {
  return (
    user.role === 'owner' ||
    user.role === 'home' ||
    user.accountId !== undefined ||
    user.libraries !== undefined
  );
}

/** The summary of a directory entry (picks fields one by one, so nothing secret slips in). */
export function userSummaryOf(user: UserEntry): UserSummary {
  const out: UserSummary = {
    username: user.username,
    title: user.title,
    role: user.role,
    server_access: hasServerAccess(user),
  };
  if (user.accountId !== undefined) out.account_id = user.accountId;
  if (user.plexId !== undefined) out.plex_id = user.plexId;
  if (user.restricted !== undefined) out.restricted = user.restricted;
  if (user.allLibraries !== undefined) out.all_libraries = user.allLibraries;
  if (user.libraries !== undefined) out.libraries = user.libraries;
  return out;
}
