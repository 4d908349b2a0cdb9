import { strFromU8, unzipSync } from 'fflate';
import { PlexInvalidResponseError } from '../errors/invalid-response-error.js';
import { PlexNotFoundError } from '../errors/not-found-error.js';
import { redactUrl } from '../http/redact.js';
import type { Transport } from '../http/transport.js';
import { withSignal } from './helpers.js';
import type { CallOptions } from './server.js';

/** The four logs PMS keeps, by what writes them. */
export type LogKind = 'server' | 'scanner' | 'transcoder' | 'updater';

/** The file name PMS gives each log kind inside the `/diagnostics/logs` archive. */
export const LOG_FILES: Readonly<Record<LogKind, string>> = {
  server: 'Plex Media Server.log',
  scanner: 'Plex Media Scanner.log',
  transcoder: 'Plex Transcoder Statistics.log',
  updater: 'Plex Update Service.log',
};

/** Options of `logs.read()`. */
export interface LogReadOptions {
  /** Keep only the last N lines. Default: every line. */
  lines?: number;
}

/** The tail of one log file. */
export interface LogTail {
  /** The file's name in the archive, e.g. `Plex Media Server.log`. */
  file: string;
  /** The lines asked for, oldest first, without line endings. */
  lines: string[];
  /** How many lines the whole file has. */
  totalLines: number;
}

const DOWNLOAD_PATH = '/diagnostics/logs';

/** The `logs` namespace of a Plex client. */
export interface LogsApi {
  /**
   * The server's log files as one ZIP archive (`GET /diagnostics/logs`): `Plex Media
   * Server.log`, the scanner, transcoder and updater logs and their rotated copies. The token
   * travels in the header as for every call; PMS masks tokens inside the logs itself. Use
   * `read()` for the text of one file.
   */
  download(options?: CallOptions): Promise<Uint8Array>;
  /** The names of the files in the log archive (downloads it). */
  files(options?: CallOptions): Promise<string[]>;
  /**
   * The text of one log file, as lines (downloads `/diagnostics/logs` and unzips it in
   * memory). `file` is a kind (`server`, `scanner`, `transcoder`, `updater`) or a file name in
   * the archive (`Plex Media Server.1.log` for the rotated copy). `NOT_FOUND`, naming the files
   * that exist, when the archive has no such file.
   */
  read(file: LogKind | (string & {}), options?: LogReadOptions & CallOptions): Promise<LogTail>;
}

/** The server's log files. Owner only (403 for other accounts). */
export function logsApi(transport: Transport): LogsApi {
  const download = async (options: CallOptions = {}): Promise<Uint8Array> => {
    const response = await transport.raw({
      path: DOWNLOAD_PATH,
      headers: { Accept: 'application/zip, */*' },
      ...withSignal(options),
    });
    return new Uint8Array(await response.arrayBuffer());
  };

  const entries = async (options: CallOptions): Promise<Record<string, Uint8Array>> => {
    const zip = await download(options);
    try {
      return unzipSync(zip);
    } catch (error) {
      const url = redactUrl(transport.url(DOWNLOAD_PATH));
      throw new PlexInvalidResponseError(
        `Plex Media Server answered GET ${DOWNLOAD_PATH} with something that is not a ZIP archive (${zip.length} bytes).`,
        { method: 'GET', url, status: 200, cause: error, path: '' },
      );
    }
  };

  return {
    /**
     * The server's log files as one ZIP archive (`GET /diagnostics/logs`): `Plex Media
     * Server.log`, the scanner, transcoder and updater logs and their rotated copies. The token
     * travels in the header as for every call; PMS masks tokens inside the logs itself. Use
     * `read()` for the text of one file.
     */
    download,

    /** The names of the files in the log archive (downloads it). */
    async files(options: CallOptions = {}): Promise<string[]> {
      return Object.keys(await entries(options)).filter((name) => !name.endsWith('/'));
    },

    /**
     * The text of one log file, as lines (downloads `/diagnostics/logs` and unzips it in
     * memory). `file` is a kind (`server`, `scanner`, `transcoder`, `updater`) or a file name in
     * the archive (`Plex Media Server.1.log` for the rotated copy). `NOT_FOUND`, naming the files
     * that exist, when the archive has no such file.
     */
    async read(
      file: LogKind | (string & {}),
      options: LogReadOptions & CallOptions = {},
    ): Promise<LogTail> {
      const wanted = Object.hasOwn(LOG_FILES, file) ? LOG_FILES[file as LogKind] : file;
      if (wanted === '') throw new TypeError('a log kind or file name is required');
      const { lines: keep } = options;
      if (keep !== undefined && (!Number.isInteger(keep) || keep < 0)) {
        throw new TypeError(`lines must be a whole number ≥ 0; got ${keep}`);
      }
      const archive = await entries(options);
      const names = Object.keys(archive).filter((name) => !name.endsWith('/'));
      // Archives may keep the logs in a folder; match on the name after the last slash too.
      const name =
        names.find((one) => one === wanted) ??
        names.find((one) => one.slice(one.lastIndexOf('/') + 1) === wanted);
      const data = name === undefined ? undefined : archive[name];
      if (name === undefined || data === undefined) {
        const url = redactUrl(transport.url(DOWNLOAD_PATH));
        const kinds = Object.keys(LOG_FILES).join(', ');
        throw new PlexNotFoundError(
          `The server's log archive (GET ${DOWNLOAD_PATH}) has no "${wanted}". Pass a kind (${kinds}) or one of its files: ${names.map((one) => `"${one}"`).join(', ') || 'none'}.`,
          { method: 'GET', url, status: 200 },
        );
      }
      const all = strFromU8(data).split(/\r?\n/);
      if (all.at(-1) === '') all.pop();
      return {
        file: name,
        lines: keep === undefined ? all : keep === 0 ? [] : all.slice(-keep),
        totalLines: all.length,
      };
    },
  };
}
