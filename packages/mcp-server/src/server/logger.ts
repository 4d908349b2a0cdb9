import { redactText } from '@plexmcp/plex-client';

/** Log levels for stderr, lowest first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where the server writes what a person running it should read. Never given secrets. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * One line per entry: a message carries caller-chosen text (paths, titles), and a newline in it
 * must not start a line of its own that reads like the server's.
 */
function escapeControls(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point.
  return text.replace(/[\u0000-\u001f\u007f]/g, (char) =>
    char === '\n' ? '\\n' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A logger that writes `plex-mcp-server: [level] message` lines at or above `level`, with every
 * secret (and any `X-Plex-Token` value, plain or URL-encoded) masked and control characters
 * escaped, so each entry is exactly one line.
 */
export function createStderrLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => {
    process.stderr.write(line);
  },
  secrets: readonly string[] = [],
): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const at =
    (name: LogLevel) =>
    (message: string): void => {
      if (LOG_LEVELS.indexOf(name) < threshold) return;
      const safe = escapeControls(redactText(message, secrets));
      write(`plex-mcp-server: ${name === 'info' ? '' : `[${name}] `}${safe}\n`);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A logger that drops everything. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/**
 * Codes that mean the server or Plex is in trouble rather than the caller's input. UNAUTHORIZED
 * is Plex refusing the server's own token: the operator has to renew it.
 */
const SERVER_SIDE = new Set([
  'UNAUTHORIZED',
  'PLEX_UNREACHABLE',
  'TIMEOUT',
  'RATE_LIMITED',
  'PLEX_ERROR',
  'INTERNAL',
]);

/** Whether a tool error code points at the server or Plex rather than the caller's input. */
export function isServerSide(code: string): boolean {
  return SERVER_SIDE.has(code);
}

/**
 * Tells the operator about a failed tool call: server-side failures as warnings, the caller's
 * own mistakes at debug. The operator also gets the detail callers never see (`logDetail`).
 */
export function logToolFailure(
  logger: Logger,
  tool: string,
  error: { code: string; message: string; logDetail?: string },
): void {
  const detail = error.logDetail ? ` [${error.logDetail}]` : '';
  logger[isServerSide(error.code) ? 'warn' : 'debug'](
    `${tool} failed: ${error.code}: ${error.message}${detail}`,
  );
}
