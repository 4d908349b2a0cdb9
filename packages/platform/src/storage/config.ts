// How a deployment's environment chooses its database.

import { defaultDatabaseFile, defaultDataDir, ensureDataDir } from './data-dir.js';
import type { OpenStorageOptions } from './open.js';

/**
 * `PLEXMCP_DATABASE_URL` when set, else the SQLite file in the data directory (created 0700).
 * Creates the directory only on the SQLite path: a PostgreSQL deployment leaves no trace on disk.
 */
export function storageOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenStorageOptions {
  const url = env.PLEXMCP_DATABASE_URL?.trim();
  if (url) return { url };
  return { file: defaultDatabaseFile(ensureDataDir(defaultDataDir({ env }))) };
}
