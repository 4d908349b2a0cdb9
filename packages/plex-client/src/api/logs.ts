import type { Transport } from '../http/transport.js';
import { withSignal } from './helpers.js';
import type { CallOptions } from './server.js';

/** The server's log files. Owner only (403 for other accounts). */
export function logsApi(transport: Transport) {
  return {
    /**
     * The server's log files as one ZIP archive (`GET /diagnostics/logs`): `Plex Media
     * Server.log`, the scanner, transcoder and updater logs and their rotated copies. The token
     * travels in the header as for every call. Read entries with any zip library (e.g. fflate's
     * `unzipSync`); PMS masks tokens inside the logs itself.
     */
    async download(options: CallOptions = {}): Promise<Uint8Array> {
      const response = await transport.raw({
        path: '/diagnostics/logs',
        headers: { Accept: 'application/zip, */*' },
        ...withSignal(options),
      });
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

/** The `logs` namespace of a Plex client. */
export type LogsApi = ReturnType<typeof logsApi>;
