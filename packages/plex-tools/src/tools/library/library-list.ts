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
  /** Null when Plex would not count the section (see `warnings`). */
  item_count: v.nullable(v.number()),
  locations: v.array(v.string()),
  updated_at: v.optional(v.string()),
  scanned_at: v.optional(v.string()),
  refreshing: v.boolean(),
});

/** library_list: every library section with its size and folders. */
export const libraryList = defineTool({
  name: 'library_list',
  module: 'library',
  access: 'read',
  title: 'List libraries',
  description: 'List libraries with id, type, item count and folders.',
  input: v.object({}),
  output: v.object({ libraries: v.array(library), ...warningsField }),
  async run(ctx) {
    const sections = await ctx.plex.libraries.list({ signal: ctx.signal });
    const warnings = new Warnings(ctx.signal);
    // One counting query per section (page size 0): Plex reports the total without any items.
    // A refused count (a shared user's token, an older server) leaves that count null.
    const counts = await mapGated(sections, (section) =>
      warnings.optional(`item count of ${section.title}`, () =>
        ctx.plex.libraries.count(section.id, { signal: ctx.signal }),
      ),
    );
    return warnings.attach({
      libraries: sections.map((section, i) => ({
        id: String(section.id),
        title: section.title,
        type: section.type,
        agent: section.agent,
        scanner: section.scanner,
        item_count: counts[i] ?? null,
        locations: section.Location.map((location) => location.path),
        updated_at: isoTime(section.updatedAt),
        scanned_at: isoTime(section.scannedAt),
        refreshing: section.refreshing,
      })),
    });
  },
});
