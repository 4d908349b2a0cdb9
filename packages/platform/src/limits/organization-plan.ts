// The default organization's plan as static keys see it. Their callers are made per request
// without a database look-up (the operator configured the keys), so the plan is kept here and
// read again in the background once it is a second old: `admin plan` run elsewhere (the CLI,
// another replica) reaches static keys within about a second, like managed keys' callers.

import type { Plan } from '../storage/schema.js';
import type { Storage } from '../storage/storage.js';

/** The plan of one organization, refreshed behind the scenes. */
export interface PlanWatch {
  /** The plan as last read; asking after `maxAgeMs` starts a new read. */
  current(): Plan;
  /** Reads it now (tests, and after a change made in this process). */
  refresh(): Promise<Plan>;
}

/** Watches `organizationId`'s plan, starting from `initial` (read at start). */
export function watchPlan(
  storage: Storage,
  organizationId: string,
  initial: Plan,
  maxAgeMs: number,
  now: () => number = Date.now,
): PlanWatch {
  let plan = initial;
  let readAt = now();
  let reading: Promise<Plan> | undefined;
  const refresh = () => {
    reading ??= storage.db
      .selectFrom('organizations')
      .select('plan')
      .where('id', '=', organizationId)
      .executeTakeFirst()
      .then((row) => {
        if (row) plan = row.plan;
        return plan;
      })
      // A failed read keeps the plan it had; the next request past the age tries again.
      .catch(() => plan)
      .finally(() => {
        readAt = now();
        reading = undefined;
      });
    return reading;
  };
  return {
    current() {
      if (now() - readAt >= maxAgeMs) void refresh();
      return plan;
    },
    refresh,
  };
}
