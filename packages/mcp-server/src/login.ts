import { chmodSync, closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPlexSignIn } from '@plexmcp/plex-client';
import { ConfigError } from './config/config.js';
import { readDotEnv } from './config/dotenv.js';

/** The `login --help` text. */
export const LOGIN_USAGE = `Usage: plex-mcp-server login [options]

Signs in to plex.tv with a PIN (no password typed here) and saves the token as PLEX_TOKEN.

Options:
  --dotenv <path>        file to write PLEX_TOKEN to (default: .env in the working directory);
                         only the PLEX_TOKEN line is added or replaced, and the file is made 0600
  --timeout <seconds>    how long to wait for the approval (default 900)
  -h, --help             show this help

Honours PLEX_TV_URL (environment or .env) for a plex.tv stand-in.`;

export interface LoginIo {
  env: Record<string, string | undefined>;
  /** Where messages go (stderr): never given the token. */
  say: (line: string) => void;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
}

/** Exit code of a login run: 0 signed in, 1 failed or timed out, 130 cancelled. */
export async function runLogin(argv: readonly string[], io: LoginIo): Promise<number | 'help'> {
  // Node 20 takes `--env-file` for itself wherever it can see it (node --env-file, NODE_OPTIONS),
  // so the option was renamed; the old spelling gets the new name instead of "unknown option".
  const old = argv.findIndex((arg) => arg === '--env-file' || arg.startsWith('--env-file='));
  if (old !== -1) {
    const given = argv[old]?.startsWith('--env-file=')
      ? argv[old].slice('--env-file='.length)
      : argv[old + 1];
    throw new ConfigError(
      `login writes to the file named by --dotenv, not --env-file (Node reads --env-file itself): plex-mcp-server login --dotenv ${given || '<path>'}`,
    );
  }
  let flags: { dotenv?: string; timeout?: string; help?: boolean };
  try {
    flags = parseArgs({
      args: [...argv],
      options: {
        dotenv: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}. Run login --help for the options.`);
  }
  if (flags.help) return 'help';
  const envFile = resolve(flags.dotenv ?? '.env');
  const timeoutSeconds = Number(flags.timeout ?? 900);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new ConfigError('--timeout must be a positive number of seconds');
  }
  const plexTvUrl = io.env.PLEX_TV_URL ?? readDotEnv('.env').PLEX_TV_URL;
  let signIn: ReturnType<typeof createPlexSignIn>;
  try {
    signIn = createPlexSignIn(plexTvUrl ? { plexTvUrl } : {});
  } catch (error) {
    throw new ConfigError(`PLEX_TV_URL: ${(error as Error).message}`);
  }

  const pin = await signIn.createPin();
  io.say(`To sign in, open ${pin.linkUrl} and enter the code ${pin.code}`);
  io.say(`Waiting up to ${Math.round(timeoutSeconds)} s for the approval (Ctrl-C to cancel)...`);
  const timeout = AbortSignal.timeout(timeoutSeconds * 1000);
  const signal = io.signal ? AbortSignal.any([io.signal, timeout]) : timeout;
  let token: string;
  try {
    token = await signIn.pollPin(pin.id, { signal });
  } catch (error) {
    if (io.signal?.aborted) {
      io.say('Cancelled; nothing was written.');
      return 130;
    }
    if (timeout.aborted) {
      io.say(
        `Not approved within ${Math.round(timeoutSeconds)} s; nothing was written. Run login again.`,
      );
      return 1;
    }
    throw error;
  }
  writeEnvValue(envFile, 'PLEX_TOKEN', token);
  io.say(`Signed in. Wrote PLEX_TOKEN to ${envFile} (mode 0600; keep it private).`);
  const saved = readDotEnv(envFile);
  if (!io.env.PLEX_URL && !saved.PLEX_URL) {
    io.say(
      `Next: set PLEX_URL (e.g. PLEX_URL=http://127.0.0.1:32400) in ${envFile} or the environment.`,
    );
  }
  return 0;
}

/**
 * Sets `NAME=value` in an env file: replaces the existing line (also `export NAME=`) or appends
 * one, leaving every other line as it was. The file is created 0600, or narrowed to 0600 before
 * the secret is written into it.
 */
export function writeEnvValue(path: string, name: string, value: string): void {
  if (existsSync(path)) {
    chmodSync(path, 0o600);
  } else {
    closeSync(openSync(path, 'wx', 0o600));
  }
  const text = readFileSync(path, 'utf8');
  const line = `${name}=${value}`;
  const pattern = new RegExp(`^\\s*(?:export\\s+)?${name}\\s*=.*$`, 'm');
  let next: string;
  if (pattern.test(text)) {
    next = text.replace(pattern, line);
  } else {
    next = `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`;
  }
  writeFileSync(path, next, { mode: 0o600 });
}
