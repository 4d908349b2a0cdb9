// A throwaway PostgreSQL server for one test run: temp data dir, loopback port, no durability.

import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findPgBinaries, MISSING_POSTGRES_HINT } from './pg-binaries.js';
import { pgRunAccount, runPgProgram } from './run-as.js';

/** A running test server: a URL whose user is a superuser, and how to get rid of it. */
export interface PgCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust auth on loopback, no password). */
  url: string;
  /** Stops the server and deletes its data directory. */
  stop(): Promise<void>;
}

/** initdb into a temp dir and start postgres on a free loopback port (as `postgres` when root). */
export async function startPgCluster(): Promise<PgCluster> {
  const bins = findPgBinaries();
  if (!bins) throw new Error(MISSING_POSTGRES_HINT);
  const account = pgRunAccount();
  const asPostgres = account !== undefined;
  const root = mkdtempSync(path.join(tmpdir(), 'plexmcp-pg-'));
  // Root made the dir; postgres needs to own it (initdb insists the data dir is its own).
  if (account) chownSync(root, account.uid, account.gid);
  const data = path.join(root, 'data');
  const log = path.join(root, 'server.log');
  const cleanup = () => rmSync(root, { recursive: true, force: true });
  try {
    await runPgProgram(
      bins.initdb,
      ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
      asPostgres,
      root,
    );
    const port = await freePort();
    // fsync and friends off: a crash loses nothing we care about, and tests run much faster.
    // The socket goes into our temp dir, so /var/run/postgresql need not exist or be writable.
    const serverOptions = [
      `-p ${port}`,
      `-k ${root}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
    ].join(' ');
    await runPgProgram(
      bins.pgCtl,
      ['-D', data, '-l', log, '-w', '-t', '60', '-o', serverOptions, 'start'],
      asPostgres,
      root,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${readLog(log)}`, { cause: error });
    });
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: async () => {
        try {
          // immediate: no checkpoint for data we are about to delete.
          await runPgProgram(bins.pgCtl, ['-D', data, '-m', 'immediate', 'stop'], asPostgres, root);
        } finally {
          cleanup();
        }
      },
    };
  } catch (error) {
    await runPgProgram(bins.pgCtl, ['-D', data, '-m', 'immediate', 'stop'], asPostgres, root).catch(
      () => {},
    );
    cleanup();
    throw error;
  }
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}

/** A loopback port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
