import type { LogBook } from '../state/store.js';
import type { LogFile, LogLine } from '../state/types.js';

/** Lines kept per log file (up to SLACK more between trims); older lines roll off as on a real server's rotated logs. */
const MAX_LINES = 5000;

/** Lines allowed past the cap before trimming, so a busy log trims once per batch, not per line. */
const SLACK = 500;

/** Appends a line to one of the emulated log files. */
export function appendLog(
  logs: LogBook,
  file: LogFile,
  level: LogLine['level'],
  message: string,
  at: number,
): void {
  const lines = logs[file];
  lines.push({ at, level, message });
  if (lines.length > MAX_LINES + SLACK) lines.splice(0, lines.length - MAX_LINES);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formats a line the way PMS writes it: `Nov 22, 2026 04:38:25.123 [0x7f1] INFO - message`. */
export function formatLogLine(line: LogLine): string {
  const d = new Date(line.at);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const stamp = `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())}, ${d.getUTCFullYear()} ${pad(
    d.getUTCHours(),
  )}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  return `${stamp} [0x7f3c2a1b6b38] ${line.level.padEnd(5)} - ${line.message}`;
}
