// Usage history as CSV, for a spreadsheet: one row per hour or day, oldest first.

import type { UsagePoint } from '@plexmcp/sdk';

const COLUMNS = ['start', 'requests', 'tool_calls', 'errors', 'p50_ms', 'p95_ms'] as const;

/** The points as CSV text (numbers and ISO timestamps only, so nothing needs quoting). */
export function usageCsv(points: UsagePoint[]): string {
  const rows = points.map((point) => COLUMNS.map((column) => point[column] ?? '').join(','));
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
