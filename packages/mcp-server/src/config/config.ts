import { parseArgs } from 'node:util';
import type { ToolAccess, ToolModule } from '@plexmcp/plex-tools';
import * as v from 'valibot';
import { readDotEnv } from './dotenv.js';

/** Everything the server needs to start, after flags, environment and `.env` are merged. */
export interface ServerConfig {
  transport: 'stdio';
  demo: boolean;
  plexUrl: string | undefined;
  plexToken: string | undefined;
  plexTvUrl: string | undefined;
  plexUsername: string | undefined;
  access: ToolAccess;
  toolsets: ToolModule[] | undefined;
  readOnly: boolean;
  timeoutMs: number;
}

/** A configuration problem, with a message that says how to fix it. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const MODULES = [
  'library',
  'media',
  'playlist',
  'collection',
  'user',
  'sessions',
  'server',
  'client',
] as const;

const url = (name: string) =>
  v.pipe(v.string(), v.url(`${name} must be a URL such as http://127.0.0.1:32400`));

const schema = v.object({
  transport: v.picklist(
    ['stdio'],
    'transport must be stdio (HTTP transports are not available yet)',
  ),
  demo: v.boolean(),
  plexUrl: v.optional(url('PLEX_URL')),
  plexToken: v.optional(v.pipe(v.string(), v.nonEmpty('PLEX_TOKEN is empty'))),
  plexTvUrl: v.optional(url('PLEX_TV_URL')),
  plexUsername: v.optional(v.string()),
  access: v.picklist(['read', 'write', 'delete'], 'access must be read, write or delete'),
  toolsets: v.optional(
    v.array(v.picklist(MODULES, `toolsets must be a comma list of: ${MODULES.join(', ')}`)),
  ),
  readOnly: v.boolean(),
  timeoutMs: v.pipe(
    v.number('PLEX_TIMEOUT_MS must be a number of milliseconds'),
    v.integer('PLEX_TIMEOUT_MS must be a whole number of milliseconds'),
    v.minValue(100, 'PLEX_TIMEOUT_MS must be at least 100'),
  ),
});

/** The `--help` text. */
export const USAGE = `Usage: plex-mcp-server [options]

Serves Plex Media Server tools to MCP clients over stdio.

Options:
  --plex-url <url>       Plex server URL (env PLEX_URL)
  --plex-token <token>   X-Plex-Token (env PLEX_TOKEN; prefer the environment)
  --plex-username <name> default user for user tools (env PLEX_USERNAME)
  --access <level>       read | write | delete: the highest tool access (default write)
  --toolsets <list>      comma list of ${MODULES.join(', ')} (default all)
  --read-only            only read tools
  --demo                 serve an emulated Plex with a demo library; no Plex server needed
  --transport stdio      the transport (default stdio)
  -h, --help             show this help

Flags win over environment variables, which win over a .env file in the working directory.`;

/** Parses flags, environment and `.env` into a checked config; throws ConfigError. */
export function loadConfig(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  dotEnvPath = '.env',
): ServerConfig | 'help' {
  let flags: ReturnType<typeof parseFlags>;
  try {
    flags = parseFlags(argv);
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}. Run with --help for the options.`);
  }
  if (flags.help) return 'help';
  const merged = { ...readDotEnv(dotEnvPath), ...definedOnly(env) };
  const pick = (flag: string | undefined, name: string) => flag ?? merged[name];
  const toolsets = pick(flags.toolsets, 'PLEX_MCP_TOOLSETS');
  const timeout = merged.PLEX_TIMEOUT_MS;
  const candidate = {
    transport: pick(flags.transport, 'PLEX_MCP_TRANSPORT') ?? 'stdio',
    demo: flags.demo ?? merged.PLEX_MCP_DEMO === '1',
    plexUrl: pick(flags['plex-url'], 'PLEX_URL'),
    plexToken: pick(flags['plex-token'], 'PLEX_TOKEN'),
    plexTvUrl: merged.PLEX_TV_URL,
    plexUsername: pick(flags['plex-username'], 'PLEX_USERNAME'),
    access: pick(flags.access, 'PLEX_MCP_ACCESS') ?? 'write',
    toolsets: toolsets
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    readOnly: flags['read-only'] ?? merged.PLEX_MCP_READ_ONLY === '1',
    timeoutMs: timeout === undefined ? 10_000 : Number(timeout),
  };
  const result = v.safeParse(schema, withoutUndefined(candidate));
  if (!result.success) {
    throw new ConfigError(result.issues.map((issue) => issue.message).join('\n'));
  }
  const config = result.output;
  if (!config.demo && (!config.plexUrl || !config.plexToken)) {
    throw new ConfigError(
      'Set PLEX_URL and PLEX_TOKEN (environment, .env or --plex-url/--plex-token), or run with --demo to try it without a Plex server.',
    );
  }
  return {
    transport: config.transport,
    demo: config.demo,
    plexUrl: config.plexUrl,
    plexToken: config.plexToken,
    plexTvUrl: config.plexTvUrl,
    plexUsername: config.plexUsername,
    access: config.access,
    toolsets: config.toolsets,
    readOnly: config.readOnly,
    timeoutMs: config.timeoutMs,
  };
}

function parseFlags(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      'plex-url': { type: 'string' },
      'plex-token': { type: 'string' },
      'plex-username': { type: 'string' },
      access: { type: 'string' },
      toolsets: { type: 'string' },
      'read-only': { type: 'boolean' },
      demo: { type: 'boolean' },
      transport: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }).values;
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
