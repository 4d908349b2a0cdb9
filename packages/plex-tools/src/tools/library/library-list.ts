import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { mapGated } from '../../shared/concurrency.js';
import { isoTime } from '../../shared/outputs.js';
import { Warnings, warningsField } from '../../shared/warnings.js';

/** What one library looks like in the output. */
const library = v.object({
  id: v.string(),
  title: v.string(),
  type: v.string(),
  agent: v.optional(v.string()),
  scanner: v.optional(v.string()),
  /** Only with `include_counts`; null when Plex would not count the section (see `warnings`). */
  item_count: v.optional(v.nullable(v.number())),
  locations: v.array(v.string()),
  updated_at: v.optional(v.string()),
  scanned_at: v.optional(v.string()),
  refreshing: v.boolean(),
});

/**
 * library_list: every library section and its folders, in one Plex request. Plex's section list
 * carries no sizes, so counting costs one more request per section: those come only on request,
 * since they made the plain listing several times slower (five requests for four libraries).
 */
export const libraryList = defineTool({
  name: 'library_list',
  module: 'library',
  access: 'read',
  title: 'List libraries',
  description: 'List libraries with id, type and folders.',
  input: v.object({
    include_counts: v.optional(
      v.pipe(v.boolean(), v.description('Add item_count (one more request per library)')),
      false,
    ),
  }),
  output: v.object({ libraries: v.array(library), ...warningsField }),
  async run(ctx, input) {
    const sections = await ctx.plex.libraries.list({ signal: ctx.signal });
    const warnings = new Warnings(ctx.signal);
    // One counting query per section (page size 0): Plex reports the total without any items.
    // A refused count (a shared user's token, an older server) leaves that count null.
    const counts = input.include_counts
      ? await mapGated(sections, (section) =>
          warnings.optional(`item count of ${section.title}`, () =>
            ctx.plex.libraries.count(section.id, { signal: ctx.signal }),
          ),
        )
      : undefined;
    return warnings.attach({
      libraries: sections.map((section, i) => ({
        id: String(section.id),
        title: section.title,
        type: section.type,
        agent: section.agent,
        scanner: section.scanner,
        ...(counts ? { item_count: counts[i] ?? null } : {}),
        locations: section.Location.map((location) => location.path),
        updated_at: isoTime(section.updatedAt),
        scanned_at: isoTime(section.scannedAt),
        refreshing: section.refreshing,
      })),
    });
  },
});
