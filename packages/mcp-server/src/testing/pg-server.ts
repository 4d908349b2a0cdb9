// A PostgreSQL server of the test's own, which it may stop and start again on the same port and
// data (CI's shared server must never be restarted under other suites). Debian's server
// binaries: PATH first, then /usr/lib/postgresql/<major>/bin; run as `postgres` when root,
// since PostgreSQL refuses to run as root.

import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throwaway server on a loopback port. */
export interface PgServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, trust authentication. */
  url: string;
  /** Shuts the server down (fast: sessions are ended, as in a restart); data is kept. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data (nothing to do when it runs). */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
  /** The URL of another database on this server. */
  urlOf(database: string): string;
  /** Runs one statement with psql on `database`; answers its rows, columns split on `|`. */
  psql(statement: string, database?: string): Promise<string[][]>;
}

/** Where initdb and pg_ctl are, or a message saying how to get them. */
function binaries(): { initdb: string; pgCtl: string; psql: string } {
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...debian];
  for (const dir of dirs) {
    const initdb = path.join(dir, 'initdb');
    const pgCtl = path.join(dir, 'pg_ctl');
    if (existsSync(initdb) && existsSync(pgCtl)) {
      // psql comes with the client package, which may sit elsewhere (/usr/bin on Debian).
      const psql = [dir, ...dirs].map((d) => path.join(d, 'psql')).find((p) => existsSync(p));
      return { initdb, pgCtl, psql: psql ?? 'psql' };
    }
  }
  throw new Error(
    "PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian's postgresql package",
  );
}

/** Runs a PostgreSQL program, as the `postgres` account when we are root. */
async function pgProgram(program: string, args: string[], cwd: string): Promise<void> {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', program, ...args]]
    : [program, args];
  try {
    await run(file, argv, { cwd, timeout: 60_000 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${path.basename(program)} failed: ${e.stderr || e.message}`, { cause: error });
  }
}

/** initdb into a temp directory and start the server on a free loopback port. */
export async function startPgServer(): Promise<PgServer> {
  const { initdb, pgCtl, psql } = binaries();
  const root = mkdtempSync(path.join(tmpdir(), 'plexmcp-replicas-pg-'));
  if (process.getuid?.() === 0) {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(root, id('-u'), id('-g'));
  }
  const data = path.join(root, 'data');
  await pgProgram(
    initdb,
    ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
    root,
  );
  const port = await freePort();
  // Durability off: the data dies with the test. The socket stays in our directory.
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -F -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  let running = false;
  const start = async () => {
    if (running) return;
    await pgProgram(
      pgCtl,
      ['-D', data, '-l', path.join(root, 'server.log'), '-w', '-t', '60', '-o', options, 'start'],
      root,
    );
    running = true;
  };
  const stop = async (mode: 'fast' | 'immediate') => {
    await pgProgram(pgCtl, ['-D', data, '-m', mode, '-w', 'stop'], root);
    running = false;
  };
  await start();
  const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    url: urlOf('postgres'),
    urlOf,
    async psql(statement, database = 'postgres') {
      const args = ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', urlOf(database)];
      const { stdout } = await run(psql, [...args, '-c', statement], { timeout: 30_000 });
      return stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.split('|'));
    },
    stop: () => stop('fast'),
    start,
    async destroy() {
      await stop('immediate').catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
