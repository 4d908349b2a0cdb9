// Vitest globalSetup: one PostgreSQL server for the whole run, so every storage, service and
// route test runs on a real server as well as on SQLite. PLEXMCP_TEST_DATABASE_URL (CI starts a
// server in .ci/run) wins; otherwise a throwaway cluster is started here and removed at the end.

import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { redactDatabaseUrl } from '../storage/redact.js';
import { startPgCluster } from './pg-cluster.js';

declare module 'vitest' {
  /** Values the global setup hands to test files through `inject()`. */
  export interface ProvidedContext {
    /** A PostgreSQL server URL whose user may CREATE DATABASE. */
    pgServerUrl: string;
  }
}

/** Provides `pgServerUrl`; answers the teardown that stops a cluster it started. */
export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.PLEXMCP_TEST_DATABASE_URL?.trim();
  if (external) {
    await checkServer(external);
    project.provide('pgServerUrl', external);
    return undefined;
  }
  const cluster = await startPgCluster();
  project.provide('pgServerUrl', cluster.url);
  return () => cluster.stop();
}

// Fail once, clearly, instead of in every test file.
async function checkServer(url: string): Promise<void> {
  const shown = redactDatabaseUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ ok: boolean }>(
      'select rolsuper or rolcreatedb as ok from pg_roles where rolname = current_user',
    );
    if (!rows[0]?.ok) {
      throw new Error(`PLEXMCP_TEST_DATABASE_URL (${shown}): its user may not CREATE DATABASE`);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`PLEXMCP_TEST_DATABASE_URL (${shown}) is not usable: ${reason}`, {
      cause: error,
    });
  } finally {
    await client.end().catch(() => {});
  }
}
