// The list of migrations, in order. Static imports instead of a folder scan: the package is
// bundled, so there is no migrations folder at run time. Names sort in application order and
// must never change once released; add new ones at the end.

import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001-initial.js';
import { mcps } from './0002-mcps.js';
import { usage } from './0003-usage.js';
import { rateLimits } from './0004-rate-limits.js';

/** Every migration by its permanent name. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
  '0002_mcps': mcps,
  '0003_usage': usage,
  '0004_rate_limits': rateLimits,
};

/** Kysely provider over the static list. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};
