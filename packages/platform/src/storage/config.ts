// How a deployment's environment chooses its database.

import { resolve } from 'node:path';
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

/** What the command line says about the database. */
export interface DatabaseChoice {
  /** `--database`: a `postgres://` or `sqlite:` URL, or a SQLite file path. */
  database?: string | undefined;
  /** `--demo`: a throwaway in-memory database unless something names a real one. */
  demo?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * `--database` first, then (for `--demo`) an in-memory database unless PLEXMCP_DATABASE_URL or
 * PLEXMCP_DATA_DIR names where data should live, then the environment as above.
 */
export function storageOptionsFor({
  database,
  demo = false,
  env = process.env,
}: DatabaseChoice): OpenStorageOptions {
  const named = database?.trim();
  if (named) {
    // A scheme of two letters or more: `C:\data\plexmcp.db` is a Windows path, not a URL.
    return /^[a-z][a-z0-9+.-]+:/i.test(named) ? { url: named } : { file: resolve(named) };
  }
  if (demo && !env.PLEXMCP_DATABASE_URL?.trim() && !env.PLEXMCP_DATA_DIR?.trim()) {
    return { memory: true };
  }
  return storageOptionsFromEnv(env);
}
