import type { Usage } from '@plexmcp/sdk';

/** "1 call", "2 calls". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** This month's usage as lines: the totals, then each of the busiest tools. */
export function usageLines(usage: Usage): string[] {
  const month = usage.period.start.slice(0, 7);
  const lines = [
    `Usage in ${month} (${usage.plan} plan): ${count(usage.tool_calls, 'tool call')}, ${count(usage.errors, 'error')}`,
  ];
  const width = Math.max(0, ...usage.top_tools.map((tool) => tool.tool.length));
  for (const tool of usage.top_tools) {
    const errors = tool.errors > 0 ? `, ${count(tool.errors, 'error')}` : '';
    lines.push(`  ${tool.tool.padEnd(width)}  ${count(tool.calls, 'call')}${errors}`);
  }
  return lines;
}
