// A throwaway PostgreSQL for the replicas benchmark, from Debian's server binaries (PATH first,
// then /usr/lib/postgresql/<major>/bin), run as `postgres` when root. Durability is off: the
// figures are about the replicas, not about fsync on this machine's disk.

import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A running server: its URL (trust authentication on loopback) and how to remove it. */
export interface BenchPostgres {
  url: string;
  version: string;
  /** Runs one statement with psql; its first column of the first row. */
  scalar(statement: string): Promise<string>;
  stop(): Promise<void>;
}

function binDir(): string {
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...debian];
  const found = dirs.find(
    (d) => existsSync(path.join(d, 'initdb')) && existsSync(path.join(d, 'pg_ctl')),
  );
  if (!found)
    throw new Error("the replicas benchmark needs Debian's postgresql package (initdb, pg_ctl)");
  return found;
}

async function asPostgres(program: string, args: string[], cwd: string): Promise<string> {
  const root = process.getuid?.() === 0;
  const [file, argv] = root
    ? ['runuser', ['-u', 'postgres', '--', program, ...args]]
    : [program, args];
  const { stdout } = await run(file, argv, { cwd, timeout: 60_000 });
  return stdout;
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

/** initdb and start on a free loopback port. */
export async function startBenchPostgres(): Promise<BenchPostgres> {
  const bin = binDir();
  const root = mkdtempSync(path.join(tmpdir(), 'plexmcp-bench-pg-'));
  if (process.getuid?.() === 0) {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(root, id('-u'), id('-g'));
  }
  const data = path.join(root, 'data');
  const pgCtl = path.join(bin, 'pg_ctl');
  await asPostgres(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
    root,
  );
  const port = await freePort();
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -F -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  await asPostgres(
    pgCtl,
    ['-D', data, '-l', path.join(root, 'server.log'), '-w', '-o', options, 'start'],
    root,
  );
  // "pg_ctl (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → "15.18".
  const version = /\d+(\.\d+)+/.exec(await asPostgres(pgCtl, ['--version'], root))?.[0] ?? '?';
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const psql =
    [bin, '/usr/bin'].map((d) => path.join(d, 'psql')).find((p) => existsSync(p)) ?? 'psql';
  return {
    url,
    version,
    async scalar(statement) {
      const { stdout } = await run(psql, ['-X', '-q', '-A', '-t', '-d', url, '-c', statement]);
      return stdout.trim().split('\n')[0]?.split('|')[0] ?? '';
    },
    async stop() {
      await asPostgres(pgCtl, ['-D', data, '-m', 'immediate', 'stop'], root).catch(() => '');
      rmSync(root, { recursive: true, force: true });
    },
  };
}
