// Finding a PostgreSQL installation to run a throwaway test server from.

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** What to tell a developer whose machine has no PostgreSQL server binaries. */
export const MISSING_POSTGRES_HINT =
  "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin: install Debian's postgresql package (apt-get install postgresql) or set PLEXMCP_TEST_DATABASE_URL to a server whose user may CREATE DATABASE";

/** A directory holding both `initdb` and `pg_ctl`, from the same installation. */
export interface PgBinaries {
  initdb: string;
  pgCtl: string;
}

/** PATH first, then Debian's versioned directories (newest first), else undefined. */
export function findPgBinaries(env: NodeJS.ProcessEnv = process.env): PgBinaries | undefined {
  const fromPath = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of [...fromPath, ...debianDirs()]) {
    const initdb = path.join(dir, 'initdb');
    const pgCtl = path.join(dir, 'pg_ctl');
    if (existsSync(initdb) && existsSync(pgCtl)) return { initdb, pgCtl };
  }
  return undefined;
}

// Debian keeps server binaries off PATH, in /usr/lib/postgresql/<major>/bin.
function debianDirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(root, v, 'bin'));
}
