// Which database a command opens: the same choice the server makes, unless `--database` says.

import { storageOptionsFor } from '../storage/config.js';
import type { OpenStorageOptions } from '../storage/open.js';
import { UsageError } from './admin-errors.js';

/**
 * `--database` when given (a URL with a scheme, `sqlite:…`, or a SQLite file path), else
 * PLEXMCP_DATABASE_URL, else the SQLite file in the data directory — as the server decides.
 */
export function databaseOptions(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): OpenStorageOptions {
  if (option !== undefined && option.trim() === '') {
    throw new UsageError('--database needs a database URL or a SQLite file path.');
  }
  return storageOptionsFor({ database: option, env: env as NodeJS.ProcessEnv });
}
