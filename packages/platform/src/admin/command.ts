// The shape of one admin command: what it accepts, how it checks its arguments before the
// database is opened (so a wrong command line never touches it), and what it then runs.

import type { KeyObject } from 'node:crypto';
import type { Storage } from '../storage/storage.js';
import type { AdminIo } from './admin-io.js';
import type { CommandOptions, ParsedArguments } from './arguments.js';

/** What a command runs with: the open, migrated database and where to write. */
export interface AdminSession {
  storage: Storage;
  io: AdminIo;
  /** `--json`: print the result as JSON on stdout. */
  json: boolean;
  /** Seals MCP tokens and headers, as the server does. */
  secretKey: KeyObject;
}

/** One command, e.g. `keys create`. */
export interface AdminCommand {
  /** `admin`, `keys` or `members`. */
  readonly group: string;
  /** `init`, `create`, `list`, … */
  readonly name: string;
  /** Its own options, besides --database, --org, --json and --help. */
  readonly options: CommandOptions;
  /** The one positional argument it takes (e.g. `<key_id>`), if any. */
  readonly positional?: string;
  /** Checks the arguments (throwing UsageError) and answers what to run on the database. */
  prepare(args: ParsedArguments): (session: AdminSession) => Promise<void>;
}

/** Writes a command's result: JSON with `--json`, else the lines for a person. */
export function printResult(session: AdminSession, value: unknown, human: string): void {
  session.io.stdout(session.json ? `${JSON.stringify(value, null, 2)}\n` : human);
}

/** Lines of text as printed: each ended by a newline. */
export function lines(texts: readonly string[]): string {
  return texts.map((text) => `${text}\n`).join('');
}
