import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ToolAccess, ToolModule } from '@plexmcp/plex-tools';
import * as v from 'valibot';
import type { Limits } from '../http/limits.js';
import { DEFAULT_RATE_LIMIT } from '../http/rate-limit.js';
import { LOG_LEVELS, type LogLevel } from '../server/logger.js';
import { type ApiKey, parseApiKeys } from './api-keys.js';
import { ConfigError } from './config-error.js';
import { readDotEnv } from './dotenv.js';
import { limitsHelp, parseLimits } from './limits-flag.js';

export {
  type ApiKey,
  generateApiKey,
  type KeyScope,
  MIN_KEY_LENGTH,
  parseApiKeys,
} from './api-keys.js';
export { ConfigError } from './config-error.js';

/** Everything the server needs to start, after flags, environment and `.env` are merged. */
export interface ServerConfig {
  transport: 'stdio' | 'http';
  demo: boolean;
  plexUrl: string | undefined;
  plexToken: string | undefined;
  plexTvUrl: string | undefined;
  plexUsername: string | undefined;
  access: ToolAccess;
  toolsets: ToolModule[] | undefined;
  readOnly: boolean;
  /** MCP sessions start with the meta-tools only and list the toolsets the model enables. */
  dynamicToolsets: boolean;
  timeoutMs: number;
  /** HTTP mode: the interface to bind. */
  host: string;
  /** HTTP mode: the port (0 picks a free one). */
  port: number;
  /** HTTP mode: accepted API keys; empty means none are required and only loopback is served. */
  apiKeys: ApiKey[];
  /** HTTP mode: Host names accepted besides the loopback names. */
  allowedHosts: string[];
  /** HTTP mode: origins whose pages may call the server besides its own. */
  allowedOrigins: string[];
  /** Where `file_path` arguments may point (required for them over HTTP); undefined: nowhere over HTTP, anywhere over stdio. */
  uploadDir: string | undefined;
  /** HTTP mode: limits other than the defaults (`--limit name=value`). */
  limits: Partial<Limits>;
  /**
   * HTTP mode and the admin commands: the platform's database (`--database`, else
   * PLEXMCP_DATABASE_URL); undefined: the SQLite file in the data directory (in memory with --demo).
   */
  database: string | undefined;
  /**
   * `--demo` over HTTP: a "Demo" organization with an admin key, in a throwaway database of its
   * own, so the demo shows managed keys and /v1 at once.
   */
  demoOrganization: boolean;
  /** HTTP mode: no sessions on `/mcp`; each POST there stands alone. */
  stateless: boolean;
  /** HTTP mode: requests per second and burst per API key (or address), or false for none. */
  rateLimit: { perSecond: number; burst: number } | false;
  /** The lowest level written to stderr. */
  logLevel: LogLevel;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** True for the loopback names and addresses (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Refuses to serve a non-loopback interface without API keys. With the platform loaded, keys
 * may come from its database (created before or after the start): the server then refuses
 * every request until one exists, so it may listen.
 */
export function assertBindAllowed(
  host: string,
  apiKeys: readonly ApiKey[],
  { platform = false }: { platform?: boolean } = {},
): void {
  if (apiKeys.length === 0 && !platform && !isLoopbackHost(host)) {
    throw new ConfigError(
      `Refusing to listen on ${host} without API keys: anyone on the network could use your Plex. Set PLEX_MCP_API_KEYS (or --api-key), or use --host 127.0.0.1.`,
    );
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
  transport: v.picklist(['stdio', 'http'], 'transport must be stdio, http or sse'),
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
  dynamicToolsets: v.boolean(),
  timeoutMs: v.pipe(
    v.number('PLEX_TIMEOUT_MS must be a number of milliseconds'),
    v.integer('PLEX_TIMEOUT_MS must be a whole number of milliseconds'),
    v.minValue(100, 'PLEX_TIMEOUT_MS must be at least 100'),
  ),
  host: v.pipe(v.string(), v.nonEmpty('PLEX_MCP_HOST is empty')),
  port: v.pipe(
    v.number('PLEX_MCP_PORT must be a port number'),
    v.integer('PLEX_MCP_PORT must be a whole number'),
    v.minValue(0, 'PLEX_MCP_PORT must be between 0 and 65535'),
    v.maxValue(65535, 'PLEX_MCP_PORT must be between 0 and 65535'),
  ),
  stateless: v.boolean(),
  logLevel: v.picklist(LOG_LEVELS, `log level must be one of ${LOG_LEVELS.join(', ')}`),
});

/** The `--help` text. */
export const USAGE = `Usage: plex-mcp-server [options]
       plex-mcp-server login [--dotenv <path>]   (sign in to plex.tv, save PLEX_TOKEN)
       plex-mcp-server generate-key              (print a new random API key)
       plex-mcp-server admin init --org <name> --email <email>
                                                 (create the organization and its first key)
       plex-mcp-server keys|members|mcps <command>
                                                 (manage keys, members and MCPs; --help for more)

Serves Plex Media Server tools to MCP clients over stdio or HTTP.

Options:
  --plex-url <url>       Plex server URL (env PLEX_URL)
  --plex-token <token>   X-Plex-Token (env PLEX_TOKEN; prefer the environment)
  --plex-username <name> default user for user tools (env PLEX_USERNAME)
  --access <level>       read | write | delete, or a comma list (read,write): the highest
                         tool access wins (default write)
  --toolsets <list>      comma list of ${MODULES.join(', ')} (default all)
  --read-only            only read tools
  --dynamic-toolsets     MCP sessions start with three small meta-tools (list toolsets,
                         enable, search) and list the toolsets the model enables (env
                         PLEX_MCP_DYNAMIC_TOOLSETS=1)
  --demo                 serve an emulated Plex with a demo library; no Plex server needed
  --demo-organization    with --demo over HTTP: create a "Demo" organization and print its
                         admin key (a throwaway database, deleted when the server stops)
  --transport <name>     stdio | http | sse (env PLEX_MCP_TRANSPORT; default stdio). sse is
                         http: legacy SSE (/sse) is always served beside /mcp
  --host <host>          HTTP: interface to bind (env PLEX_MCP_HOST, then FASTMCP_HOST;
                         default 127.0.0.1)
  --port <port>          HTTP: port (env PLEX_MCP_PORT, then FASTMCP_PORT; default 3001)
  --api-key <key[:scopes]>
                         HTTP: an accepted API key, scopes read+write+delete+admin
                         (repeatable; env PLEX_MCP_API_KEYS as a comma list). Without any
                         key (configured or managed) only 127.0.0.1
  --database <url|file>  HTTP: the platform's database: postgres://user:pass@host/db, or a
                         SQLite file (env PLEXMCP_DATABASE_URL; default plexmcp.db in
                         PLEXMCP_DATA_DIR or the per-user data folder; --demo: in memory)
  --allowed-hosts <list> HTTP: Host names accepted besides localhost
                         (env PLEX_MCP_ALLOWED_HOSTS)
  --allowed-origins <list>
                         HTTP: origins (https://console.example) whose pages may call
                         the server besides its own (env PLEX_MCP_ALLOWED_ORIGINS)
  --upload-dir <dir>     the only folder file_path arguments may read from; over HTTP
                         file_path is refused without it (env PLEX_MCP_UPLOAD_DIR)
  --stateless            HTTP: no sessions on /mcp; each POST stands alone (env
                         PLEX_MCP_STATELESS=1)
  --rate-limit <n[:b]>   HTTP: requests per second [and burst] per key, or off (default 20:40).
                         With the platform, its keys follow their organization's plan
                         instead (free 10, pro 100, team 1000 per second); off turns
                         plans off too
  --limit <name=value>   change one limit (repeatable; env PLEX_MCP_LIMITS as a comma list).
                         plex-requests holds in stdio too; the others bound HTTP mode:
${limitsHelp()}
  --log-level <level>    stderr log level: debug | info | warn | error (env PLEX_MCP_LOG_LEVEL;
                         default info)
  --debug                same as --log-level debug
  -v, --version          print the version
  -h, --help             show this help

Flags win over environment variables, which win over a .env file in the working directory.`;

/**
 * Parses flags, environment and `.env` into a checked config; throws ConfigError. `--help` and
 * `--version` answer 'help' and 'version' before anything else is checked.
 */
export function loadConfig(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  dotEnvPath = '.env',
): ServerConfig | 'help' | 'version' {
  let flags: ReturnType<typeof parseFlags>;
  try {
    flags = parseFlags(argv);
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}. Run with --help for the options.`);
  }
  if (flags.help) return 'help';
  if (flags.version) return 'version';
  const merged = { ...readDotEnv(dotEnvPath), ...definedOnly(env) };
  const pick = (flag: string | undefined, name: string) => flag ?? merged[name];
  const toolsets = pick(flags.toolsets, 'PLEX_MCP_TOOLSETS');
  const timeout = merged.PLEX_TIMEOUT_MS;
  const transport = pick(flags.transport, 'PLEX_MCP_TRANSPORT') ?? 'stdio';
  const candidate = {
    // The Python Plex MCP server's `--transport sse`: our HTTP mode serves legacy SSE too.
    transport: transport === 'sse' ? 'http' : transport,
    demo: flags.demo ?? merged.PLEX_MCP_DEMO === '1',
    plexUrl: pick(flags['plex-url'], 'PLEX_URL'),
    plexToken: pick(flags['plex-token'], 'PLEX_TOKEN'),
    plexTvUrl: merged.PLEX_TV_URL,
    plexUsername: pick(flags['plex-username'], 'PLEX_USERNAME'),
    access: highestAccess(pick(flags.access, 'PLEX_MCP_ACCESS') ?? 'write'),
    toolsets: toolsets
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    readOnly: flags['read-only'] ?? merged.PLEX_MCP_READ_ONLY === '1',
    dynamicToolsets: flags['dynamic-toolsets'] ?? merged.PLEX_MCP_DYNAMIC_TOOLSETS === '1',
    timeoutMs: timeout === undefined ? 10_000 : Number(timeout),
    // FastMCP's variables, for people coming from the Python server, after our own.
    host: pick(flags.host, 'PLEX_MCP_HOST') ?? merged.FASTMCP_HOST ?? '127.0.0.1',
    port: Number(pick(flags.port, 'PLEX_MCP_PORT') ?? merged.FASTMCP_PORT ?? 3001),
    stateless: flags.stateless ?? merged.PLEX_MCP_STATELESS === '1',
    logLevel: flags.debug
      ? 'debug'
      : (pick(flags['log-level'], 'PLEX_MCP_LOG_LEVEL')?.toLowerCase() ?? 'info'),
  };
  const result = v.safeParse(schema, withoutUndefined(candidate));
  if (!result.success) {
    throw new ConfigError(result.issues.map((issue) => issue.message).join('\n'));
  }
  const config = result.output;
  const keyEntries = flags['api-key'] ?? commaList(merged.PLEX_MCP_API_KEYS);
  const apiKeys = parseApiKeys(keyEntries);
  const allowedHosts = commaList(pick(flags['allowed-hosts'], 'PLEX_MCP_ALLOWED_HOSTS'));
  const allowedOrigins = commaList(pick(flags['allowed-origins'], 'PLEX_MCP_ALLOWED_ORIGINS'));
  const limits = parseLimits(flags.limit ?? commaList(merged.PLEX_MCP_LIMITS));
  const uploadDir = pick(flags['upload-dir'], 'PLEX_MCP_UPLOAD_DIR')?.trim();
  const rateLimit = parseRateLimit(pick(flags['rate-limit'], 'PLEX_MCP_RATE_LIMIT'));
  // Whether the host may be served without configured keys depends on the platform (managed
  // keys), which HTTP mode loads later: `startHttpServer` checks it with that knowledge.
  if (!config.demo) assertPlexConfigured(config.plexUrl, config.plexToken);
  if (config.dynamicToolsets && config.stateless && config.transport === 'http') {
    throw new ConfigError(
      '--dynamic-toolsets needs MCP sessions to remember what was enabled; drop --stateless (or PLEX_MCP_STATELESS), or drop --dynamic-toolsets.',
    );
  }
  const demoOrganization = flags['demo-organization'] === true;
  if (demoOrganization) assertDemoOrganization(config, flags.database);
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
    dynamicToolsets: config.dynamicToolsets,
    timeoutMs: config.timeoutMs,
    host: config.host,
    port: config.port,
    apiKeys,
    allowedHosts,
    allowedOrigins,
    uploadDir: uploadDir ? checkedUploadDir(uploadDir) : undefined,
    limits,
    database: pick(flags.database, 'PLEXMCP_DATABASE_URL')?.trim() || undefined,
    demoOrganization,
    stateless: config.stateless,
    rateLimit,
    logLevel: config.logLevel,
  };
}

/**
 * Names exactly the Plex settings that are missing, with where each one comes from: a first run
 * without a token should lead to `login`, not to a search for what PLEX_TOKEN is.
 */
function assertPlexConfigured(plexUrl: string | undefined, plexToken: string | undefined): void {
  const missing: string[] = [];
  if (!plexUrl) {
    missing.push(
      'PLEX_URL is not set: the address of your Plex Media Server, e.g. PLEX_URL=http://127.0.0.1:32400 (environment, .env or --plex-url).',
    );
  }
  if (!plexToken) {
    missing.push(
      'PLEX_TOKEN is not set. Run `plex-mcp-server login` to get one, or set PLEX_TOKEN (environment, .env or --plex-token).',
    );
  }
  if (missing.length === 0) return;
  const last = missing.length - 1;
  missing[last] = `${missing[last]?.replace(/\.$/, '')}; --demo tries it without a Plex server.`;
  throw new ConfigError(missing.join('\n'));
}

/**
 * `--demo-organization` makes a throwaway organization for the demo: it needs the demo, a door
 * for its key (HTTP), and a database of its own, never one the operator named.
 */
function assertDemoOrganization(
  config: { demo: boolean; transport: string },
  database: string | undefined,
): void {
  if (!config.demo || config.transport !== 'http') {
    throw new ConfigError(
      '--demo-organization goes with --demo --transport http: it makes a throwaway organization for the demo, whose key works over HTTP.',
    );
  }
  if (database !== undefined) {
    throw new ConfigError(
      '--demo-organization keeps its organization in a throwaway database of its own; drop --database, or create a real organization there with `plex-mcp-server admin init`.',
    );
  }
}

/** `20`, `20:40` (per second : burst) or `off`; the default is 20 per second, bursts of 40. */
export function parseRateLimit(value: string | undefined): ServerConfig['rateLimit'] {
  if (value === undefined) return DEFAULT_RATE_LIMIT;
  if (value === 'off' || value === '0') return false;
  const match = /^(\d+(?:\.\d+)?)(?::(\d+))?$/.exec(value.trim());
  const perSecond = Number(match?.[1]);
  const burst = match?.[2] === undefined ? Math.ceil(perSecond * 2) : Number(match[2]);
  if (!match || !(perSecond > 0) || !(burst >= 1)) {
    throw new ConfigError(
      `PLEX_MCP_RATE_LIMIT must be requests per second, optionally with a burst (e.g. 20 or 20:40), or off; got "${value}"`,
    );
  }
  return { perSecond, burst };
}

/** The upload folder as an absolute path; a missing one would refuse every file in silence. */
function checkedUploadDir(dir: string): string {
  const absolute = resolve(dir);
  let isDirectory = false;
  try {
    isDirectory = statSync(absolute).isDirectory();
  } catch {
    // Reported below, like a file.
  }
  if (!isDirectory) {
    throw new ConfigError(
      `--upload-dir / PLEX_MCP_UPLOAD_DIR must name an existing folder; ${absolute} is not one.`,
    );
  }
  return absolute;
}

const ACCESS_ORDER = ['read', 'write', 'delete'];

/**
 * `read`, `write`, `delete`, or a comma list of them as the Python server takes (`read,write`):
 * the highest named wins. Anything unknown is passed on whole for the schema to refuse.
 */
function highestAccess(value: string): string {
  const levels = commaList(value.toLowerCase());
  if (levels.length === 0 || levels.some((level) => !ACCESS_ORDER.includes(level))) return value;
  return levels.reduce((high, level) =>
    ACCESS_ORDER.indexOf(level) > ACCESS_ORDER.indexOf(high) ? level : high,
  );
}

function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
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
      'dynamic-toolsets': { type: 'boolean' },
      demo: { type: 'boolean' },
      'demo-organization': { type: 'boolean' },
      transport: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      'allowed-hosts': { type: 'string' },
      'allowed-origins': { type: 'string' },
      'upload-dir': { type: 'string' },
      limit: { type: 'string', multiple: true },
      stateless: { type: 'boolean' },
      'rate-limit': { type: 'string' },
      database: { type: 'string' },
      'log-level': { type: 'string' },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
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
