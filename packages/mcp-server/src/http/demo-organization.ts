// `--demo-organization`: the demo shows organizations, managed keys and /v1 without a setup
// step. The host keeps its storage to itself, so the organization is made through the
// platform's services on a database opened before the host, then the host opens the same one.
// An in-memory database would be a different one on each open: the demo's lives in a temporary
// folder instead, deleted when the process ends, so it is as throwaway as the in-memory one.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPlatform, PLATFORM_HINT } from './platform.js';

/** Who the demo organization is. */
export const DEMO_ORGANIZATION = { name: 'Demo', email: 'demo@example.com' } as const;

/** The demo organization, made, and where the host must open it. */
export interface DemoOrganization {
  /** The SQLite file the host opens (`--database`). */
  database: string;
  /** The environment for the host: the temporary folder as its data directory (secret key). */
  env: NodeJS.ProcessEnv;
  organizationId: string;
  /** The organization's name, as the demo's help prints it. */
  name: string;
  /** The owner's email. */
  ownerEmail: string;
  /** The owner's admin key, shown once by the demo's help. */
  adminKey: string;
}

/** Thrown when the platform package is not installed: the flag cannot be honoured. */
export class PlatformMissingError extends Error {
  constructor() {
    super(`--demo-organization needs the platform: ${PLATFORM_HINT}.`);
  }
}

/**
 * Creates the "Demo" organization, its owner and an admin key in a fresh temporary database,
 * removed when the process exits. PLEXMCP_DATABASE_URL and PLEXMCP_DATA_DIR are set aside: the
 * demo never writes into a real deployment's database.
 */
export async function createDemoOrganization(env: NodeJS.ProcessEnv): Promise<DemoOrganization> {
  const platform = await importPlatform();
  if (!platform) throw new PlatformMissingError();
  const dir = mkdtempSync(join(tmpdir(), 'plexmcp-demo-'));
  // Synchronous, so it also runs on process.exit() from a signal handler or a failed start.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const { PLEXMCP_DATABASE_URL: _url, ...rest } = env;
  const demoEnv: NodeJS.ProcessEnv = { ...rest, PLEXMCP_DATA_DIR: dir };
  const database = platform.defaultDatabaseFile(dir);
  const opened = await platform.openPlatform({ env: demoEnv, storage: { file: database } });
  try {
    const created = await platform.initDefaultOrganization(opened.storage, {
      name: DEMO_ORGANIZATION.name,
      plan: 'team',
      owner: { email: DEMO_ORGANIZATION.email, name: DEMO_ORGANIZATION.name },
      adminKey: { name: 'demo' },
    });
    // A fresh database has no default organization: anything else is a bug, not a state.
    if (created.outcome === 'initialized') throw new Error('the demo database was not empty');
    return {
      database,
      env: demoEnv,
      organizationId: created.organization.id,
      name: created.organization.name,
      ownerEmail: created.owner.email,
      adminKey: created.key.secret,
    };
  } finally {
    await opened.close();
  }
}
