import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { libraryInput } from '../../shared/inputs.js';
import { isoTime } from '../../shared/outputs.js';
import { resolveLibrary } from '../../shared/resolve-library.js';
import { Warnings, warningsField } from '../../shared/warnings.js';

/** library_get_details: one library's agent, scanner, folders and settings. */
export const libraryGetDetails = defineTool({
  name: 'library_get_details',
  module: 'library',
  access: 'read',
  title: 'Library details',
  description: "A library's agent, scanner, language, folders and settings.",
  input: v.object({ library: libraryInput }),
  output: v.object({
    id: v.string(),
    title: v.string(),
    type: v.string(),
    agent: v.optional(v.string()),
    scanner: v.optional(v.string()),
    language: v.optional(v.string()),
    uuid: v.optional(v.string()),
    locations: v.array(v.string()),
    created_at: v.optional(v.string()),
    scanned_at: v.optional(v.string()),
    /** Null when Plex would not show the section's preferences (see `warnings`). */
    settings: v.nullable(
      v.array(
        v.object({
          id: v.string(),
          label: v.optional(v.string()),
          value: v.union([v.string(), v.number(), v.boolean()]),
        }),
      ),
    ),
    ...warningsField,
  }),
  async run(ctx, input) {
    const library = await resolveLibrary(ctx, input);
    const warnings = new Warnings(ctx.signal);
    const settings = await warnings.optional('library settings', () =>
      ctx.plex.libraries.prefs(library.id, { signal: ctx.signal }),
    );
    return warnings.attach({
      id: String(library.id),
      title: library.title,
      type: library.type,
      agent: library.agent,
      scanner: library.scanner,
      language: library.language,
      uuid: library.uuid,
      locations: library.Location.map((location) => location.path),
      created_at: isoTime(library.createdAt),
      scanned_at: isoTime(library.scannedAt),
      settings:
        settings
          ?.filter((setting) => setting.value !== undefined)
          .map((setting) => ({ id: setting.id, label: setting.label, value: setting.value! })) ??
        null,
    });
  },
});
