// The operator's commands (`plex-mcp-server admin|keys|members …`) as one function the CLI
// calls: parse, open the database as the server would (migrated, same secret key), run
// through the services, close, and answer an exit code — 0 done, 1 refused, 2 wrong usage.

import { PlatformError } from '../http/platform-error.js';
import { openPlatform } from '../open-platform.js';
import { SecretKeyError } from '../secrets/secret-key-error.js';
import { StorageError } from '../storage/storage-error.js';
import { AdminError, UsageError } from './admin-errors.js';
import type { AdminIo } from './admin-io.js';
import { parseArguments, stringOption } from './arguments.js';
import type { AdminCommand } from './command.js';
import { databaseOptions } from './database-options.js';
import { initCommand } from './init-command.js';
import { keysCreateCommand, keysListCommand, keysRevokeCommand } from './keys-commands.js';
import { mcpsAddCommand, mcpsListCommand, mcpsRemoveCommand } from './mcps-commands.js';
import {
  membersAddCommand,
  membersListCommand,
  membersRemoveCommand,
  membersRoleCommand,
} from './members-commands.js';
import { planCommand } from './plan-command.js';
import { USAGE } from './usage.js';

/** Every command, by group and name. */
const COMMANDS: readonly AdminCommand[] = [
  initCommand,
  planCommand,
  keysCreateCommand,
  keysListCommand,
  keysRevokeCommand,
  membersAddCommand,
  membersListCommand,
  membersRoleCommand,
  membersRemoveCommand,
  mcpsAddCommand,
  mcpsListCommand,
  mcpsRemoveCommand,
];

/**
 * Runs one command, e.g. `['keys', 'create', '--name', 'laptop']`, and answers its exit code.
 * Never throws for a wrong command line or a refusal; output goes through `io` only.
 */
export async function runAdminCommand(argv: readonly string[], io: AdminIo): Promise<number> {
  try {
    const [group, name, ...rest] = argv;
    const command = COMMANDS.find((c) => c.group === group && c.name === name);
    if (!command) throw new UsageError(unknownCommand(group, name, argv));
    const args = parseArguments(rest, command.options, command.positional !== undefined);
    if (args.values.help === true) throw new UsageError('');
    const run = command.prepare(args);
    const platform = await openPlatform({
      env: io.env,
      storage: databaseOptions(stringOption(args, 'database'), io.env),
    });
    try {
      await run({
        storage: platform.storage,
        io,
        json: args.values.json === true,
        secretKey: platform.secretKey.key,
      });
    } finally {
      await platform.close();
    }
    return 0;
  } catch (error) {
    return report(error, io);
  }
}

/** Why no command matched; empty for a plain `--help`. */
function unknownCommand(
  group: string | undefined,
  name: string | undefined,
  argv: readonly string[],
): string {
  if (argv.includes('--help') || argv.includes('-h')) return '';
  if (group === undefined) return 'Say which command to run.';
  if (!COMMANDS.some((c) => c.group === group)) return `Unknown command '${group}'.`;
  return name === undefined
    ? `Say which '${group}' command to run.`
    : `Unknown command '${group} ${name}'.`;
}

/** The exit code of a failure, its message written to stderr. */
function report(error: unknown, io: AdminIo): number {
  if (error instanceof UsageError) {
    io.stderr(error.message === '' ? USAGE : `${error.message}\n\n${USAGE}`);
    return 2;
  }
  // These messages are written for operators: never a password, never a key's secret.
  if (
    error instanceof AdminError ||
    error instanceof PlatformError ||
    error instanceof StorageError ||
    error instanceof SecretKeyError
  ) {
    io.stderr(`${error.message}\n`);
    return 1;
  }
  // A bug or a database failure the services did not expect: its message, without a stack.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`Unexpected error: ${message}\n`);
  return 1;
}
