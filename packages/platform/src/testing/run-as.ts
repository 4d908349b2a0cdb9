// Running PostgreSQL's programs as a user they accept: initdb and postgres refuse to run as root.

import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The system account PostgreSQL runs as when we are root (Debian's package creates it). */
export const PG_SYSTEM_USER = 'postgres';

/** uid/gid of the account to run PostgreSQL as, or undefined to run as ourselves (not root). */
export function pgRunAccount(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', PG_SYSTEM_USER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', PG_SYSTEM_USER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      `Running as root, which PostgreSQL refuses, and there is no '${PG_SYSTEM_USER}' system user to run it as: install Debian's postgresql package (it creates the user) or set PLEXMCP_TEST_DATABASE_URL`,
    );
  }
}

/**
 * Runs a program (as the postgres user when root) in `cwd`, which that user must be able to
 * enter: initdb fails when it cannot resolve its working directory. Rejects with its output.
 */
export async function runPgProgram(
  program: string,
  args: string[],
  asPostgresUser: boolean,
  cwd: string,
): Promise<string> {
  // runuser needs no password or PAM session when root, unlike su or sudo.
  const [file, argv] = asPostgresUser
    ? ['runuser', ['-u', PG_SYSTEM_USER, '--', program, ...args]]
    : [program, args];
  try {
    const { stdout } = await execFileAsync(file, argv, { cwd, encoding: 'utf8', timeout: 60_000 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${program} failed: ${e.stderr || e.stdout || e.message}`.trim(), {
      cause: error,
    });
  }
}
