/**
 * Every limit the HTTP front door enforces, with its default. One table feeds the `--limit`
 * flag (`PLEX_MCP_LIMITS`) and `--help`, and SECURITY.md's table is checked against it
 * (limits.test.ts), so a limit cannot exist without a default and a documented name.
 */
export const LIMITS = {
  'body-bytes': {
    default: 1024 * 1024,
    min: 1024,
    about: 'largest request body (bytes); beyond it 413',
  },
  sessions: {
    default: 200,
    min: 1,
    about: 'open MCP sessions in all (Streamable HTTP, legacy SSE, /api/v1/mcp)',
  },
  'sessions-per-key': {
    default: 20,
    min: 1,
    about:
      "open sessions per API key; a key's least recently used session is closed to admit its next one",
  },
  'session-idle-seconds': {
    default: 30 * 60,
    min: 1,
    about: 'a session unused this long is closed (SSE streams included)',
  },
  'session-lifetime-seconds': {
    default: 24 * 60 * 60,
    min: 1,
    about: 'a session is closed this long after it opened, however busy',
  },
  'calls-per-key': {
    default: 8,
    min: 1,
    about: 'tool calls one API key runs at once; more wait their turn',
  },
  'plex-requests': {
    default: 16,
    min: 1,
    about: 'requests in flight at Plex at once, for all callers together',
  },
  'auth-failures': {
    default: 10,
    min: 1,
    about: 'failed API-key checks per address before 429 (then one more per 6 seconds)',
  },
  connections: {
    default: 512,
    min: 1,
    about: 'open TCP connections in all',
  },
  'connections-per-address': {
    // Loopback clients all share one address; each MCP session may hold a stream and a POST.
    default: 128,
    min: 1,
    about: 'open TCP connections from one remote address',
  },
  'header-timeout-seconds': {
    default: 10,
    min: 1,
    about: 'time a client has to send its request headers',
  },
  'request-timeout-seconds': {
    default: 30,
    min: 1,
    about: 'time a client has to send a whole request, body included',
  },
} as const satisfies Record<string, { default: number; min: number; about: string }>;

/** A limit's name, as `--limit name=value` takes it. */
export type LimitName = keyof typeof LIMITS;

/** Every limit, resolved. */
export type Limits = Record<LimitName, number>;

/** The defaults with some limits changed. */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  const limits = {} as Limits;
  for (const name of Object.keys(LIMITS) as LimitName[]) {
    limits[name] = overrides[name] ?? LIMITS[name].default;
  }
  return limits;
}
