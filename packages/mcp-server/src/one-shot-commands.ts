// Commands that run instead of a server — `admin`/`keys`/`members`/`mcps`, `login`,
// `generate-key`, `--version` — and end the process. No JSON-RPC runs beside them, so their
// results go to stdout, for a person or for `$(…)`; the stdio server never reaches this module.

import { ConfigError, generateApiKey } from './config/config.js';
import { log, printHelp } from './terminal.js';

/** The platform's commands: `admin …`, `keys …`, `members …`, `mcps …`. */
const ADMIN_COMMANDS = new Set(['admin', 'keys', 'members', 'mcps']);

/**
 * Runs an administration command against the platform's database. They print for a person or,
 * with --json, for a script: stdout is theirs, as no server runs beside them.
 */
async function admin(argv: string[]): Promise<void> {
  const { importPlatform, PLATFORM_HINT } = await import('./http/platform.js');
  const platform = await importPlatform();
  if (!platform) {
    log(
      `\`${argv[0]}\` manages the platform's database, which is not installed: ${PLATFORM_HINT}.`,
    );
    process.exit(1);
  }
  const code = await platform.runAdminCommand(argv, {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  process.exit(code);
}

async function login(argv: string[]): Promise<void> {
  const { LOGIN_USAGE, runLogin } = await import('./login.js');
  const cancel = new AbortController();
  process.once('SIGINT', () => cancel.abort());
  let code: number | 'help';
  try {
    code = await runLogin(argv, { env: process.env, say: log, signal: cancel.signal });
  } catch (error) {
    log(error instanceof ConfigError ? error.message : `login failed: ${(error as Error).message}`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  }
  if (code === 'help') {
    printHelp(LOGIN_USAGE);
    return;
  }
  process.exit(code);
}

/** Runs the command `argv` names, if it is one of these; false when it is not (serve then). */
export async function runOneShotCommand(argv: string[]): Promise<boolean> {
  const [command, ...rest] = argv;
  if (ADMIN_COMMANDS.has(command ?? '')) {
    await admin(argv);
    return true;
  }
  if (command === 'login') {
    await login(rest);
    return true;
  }
  if (command === 'generate-key') {
    // A key, for `$(…)`.
    process.stdout.write(`${generateApiKey()}\n`);
    return true;
  }
  return false;
}

/** `--version`, asked for explicitly: stdout, for scripts and bug reports. */
export function printVersion(version: string): void {
  process.stdout.write(`${version}\n`);
}
