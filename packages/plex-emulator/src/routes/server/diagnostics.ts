import { createZip } from '../../formats/zip.js';
import { type RequestContext, requireOwner } from '../../http/context.js';
import type { Route } from '../../http/router.js';
import { formatLogLine } from '../../services/logbook.js';
import type { EmulatorState } from '../../state/store.js';
import type { LogFile } from '../../state/types.js';

/** What PMS writes where a token would otherwise appear. */
const MASK = 'xxxxxxxxxxxxxxxxxxxx';

/**
 * The text of one log file. Tokens are masked again here, whatever wrote the line: a log
 * download must never carry a credential, even if some handler logged one by mistake.
 */
export function logText(state: EmulatorState, file: LogFile): string {
  const tokens = new Set<string>();
  for (const account of state.accounts.values()) {
    if (account.serverToken) tokens.add(account.serverToken);
    if (account.plexTvToken) tokens.add(account.plexTvToken);
  }
  let text = '';
  for (const line of state.logs[file]) {
    let formatted = formatLogLine(line);
    for (const token of tokens) formatted = formatted.replaceAll(token, MASK);
    text += `${formatted}\n`;
  }
  return text;
}

/** `Plex Media Server Logs_2025-11-22_12-00-00.zip`, PMS's name for the download. */
function archiveName(nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().slice(0, 19).replace('T', '_').replaceAll(':', '-');
  return `Plex Media Server Logs_${stamp}.zip`;
}

function downloadLogs(ctx: RequestContext): Response {
  requireOwner(ctx);
  const { state, services } = ctx;
  const now = services.now();
  const files = Object.keys(state.logs) as LogFile[];
  const zip = createZip(
    files.map((file) => ({ name: file, data: logText(state, file) })),
    { modifiedAt: new Date(now) },
  );
  return new Response(zip, {
    status: 200,
    headers: {
      'Content-Type': 'application/zip',
      'Content-Length': String(zip.length),
      // python-plexapi's downloadLogs() takes the file name from this quoted form.
      'Content-Disposition': `attachment; filename="${archiveName(now)}"`,
    },
  });
}

/** `GET /diagnostics/logs`: the server's log files as a ZIP download. */
export const diagnosticsRoutes: Route[] = [
  { method: 'GET', path: '/diagnostics/logs', handler: downloadLogs },
];
