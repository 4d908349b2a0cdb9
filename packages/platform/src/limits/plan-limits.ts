// What each plan allows, in one place: the limiter, `admin plan` and anything that shows a
// plan's limits read it from here.

import type { Plan } from '../storage/schema.js';

/**
 * Requests per second per API key, by plan (PLATFORM.md: free 10, pro 100, team 1000). The
 * window is one second, so this is also the most a key may send at once.
 */
export const PLAN_RATE_LIMITS: Readonly<Record<Plan, number>> = {
  free: 10,
  pro: 100,
  team: 1000,
};
