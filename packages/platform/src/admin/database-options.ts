// Which database a command opens: the same choice the server makes, unless `--database` says.

import path from 'node:path';
import { storageOptionsFromEnv } from '../storage/config.js';
import type { OpenStorageOptions } from '../storage/open.js';
import { UsageError } from './admin-errors.js';

/**
 * `--database` when given (a URL with a scheme, `sqlite:…`, or a SQLite file path), else
 * PLEXMCP_DATABASE_URL, else the SQLite file in the data directory.
 */
export function databaseOptions(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): OpenStorageOptions {
  if (option === undefined) return storageOptionsFromEnv(env as NodeJS.ProcessEnv);
  const value = option.trim();
  if (value === '') throw new UsageError('--database needs a database URL or a SQLite file path.');
  // Anything with a scheme goes to openStorage, which refuses unknown ones without the
  // password. Two letters at least: `C:\data\plexmcp.db` is a Windows path, not a URL.
  if (/^[a-z][a-z0-9+.-]+:/i.test(value)) return { url: value };
  return { file: path.resolve(value) };
}
