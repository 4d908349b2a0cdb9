import type { LogKind } from '@plexmcp/plex-client';
import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';

const LOG_TYPES = ['server', 'scanner', 'transcoder', 'updater'] as const satisfies LogKind[];

/**
 * Token values in URLs, headers or JSON as they could appear in a log line. PMS masks tokens in
 * its logs itself; this is a second guard so a tool result can never carry one.
 */
const TOKEN_VALUE = /((?:X-Plex-Token|token)["']?\s*[=:]\s*["']?)(?!x{6,})[^\s&"',;]+/gi;

/** A log line with any token value replaced by x's. */
export function maskTokens(line: string): string {
  return line.replace(TOKEN_VALUE, '$1xxxxxxxxxxxxxxxxxxxx');
}

/** server_get_plex_logs: the tail of one of the server's logs. */
export const serverGetPlexLogs = defineTool({
  name: 'server_get_plex_logs',
  module: 'server',
  access: 'read',
  title: 'Get Plex logs',
  description: 'Tail of a Plex log, optionally only lines with search_term.',
  input: v.object({
    num_lines: v.optional(
      v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2000), v.description('Lines')),
      100,
    ),
    log_type: v.optional(v.pipe(v.picklist(LOG_TYPES), v.description('Which log')), 'server'),
    search_term: v.optional(
      v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Text to match')),
    ),
  }),
  output: v.object({
    log_type: v.string(),
    file: v.string(),
    lines: v.array(v.string()),
    returned: v.number(),
    /** Lines in the file, or matching lines when searching. */
    matched: v.number(),
    total_lines: v.number(),
    truncated: v.boolean(),
  }),
  async run(ctx, input) {
    const term = input.search_term?.toLowerCase();
    // Without a search the client keeps only the tail; with one, every line must be looked at.
    const log = await ctx.plex.logs.read(input.log_type, {
      ...(term === undefined ? { lines: input.num_lines } : {}),
      signal: ctx.signal,
    });
    const matching =
      term === undefined
        ? log.lines
        : log.lines.filter((line) => line.toLowerCase().includes(term));
    const matched = term === undefined ? log.totalLines : matching.length;
    const lines = matching.slice(-input.num_lines).map(maskTokens);
    return {
      log_type: input.log_type,
      file: log.file,
      lines,
      returned: lines.length,
      matched,
      total_lines: log.totalLines,
      truncated: lines.length < matched,
    };
  },
});
