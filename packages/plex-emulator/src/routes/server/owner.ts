import { HttpError, type RequestContext, requireAccount } from '../../http/context.js';
import type { AccountRecord } from '../../state/types.js';

/**
 * The caller when it is the server owner. Admin-only endpoints (prefs writes, butler, updater)
 * answer 403 to managed and shared users, as PMS does.
 */
export function requireOwner(ctx: RequestContext): AccountRecord {
  const account = requireAccount(ctx);
  if (account.kind !== 'owner') throw new HttpError(403, `${account.username} is not the admin`);
  return account;
}
