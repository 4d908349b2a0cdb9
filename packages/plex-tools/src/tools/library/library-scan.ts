import * as v from 'valibot';
import { defineTool } from '../../define-tool.js';
import { ToolError } from '../../errors.js';
import { libraryInput } from '../../shared/inputs.js';
import { resolveLibrary } from '../../shared/resolve-library.js';
import { scanOutput, waitForScans, waitSeconds } from './scan-wait.js';

const trimSlashes = (path: string) => path.replace(/\/+$/, '');

/** library_scan: looks for new, changed and removed files in a library or one of its folders. */
export const libraryScan = defineTool({
  name: 'library_scan',
  module: 'library',
  access: 'write',
  title: 'Scan a library',
  description: 'Scan a library, or one folder of it, for added and removed files.',
  input: v.object({
    library: libraryInput,
    path: v.optional(
      v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description('Folder in the library')),
    ),
    wait_seconds: waitSeconds,
  }),
  output: scanOutput,
  annotations: { idempotentHint: true },
  async run(ctx, input) {
    const library = await resolveLibrary(ctx, input);
    const folders = library.Location.map((location) => location.path);
    if (input.path !== undefined) {
      const path = trimSlashes(input.path);
      const inside = folders.some((folder) => {
        const root = trimSlashes(folder);
        return path === root || path.startsWith(`${root}/`);
      });
      if (!inside) {
        throw new ToolError(
          'INVALID_INPUT',
          `${input.path} is not in library "${library.title}"; give a folder inside ${folders.join(', ') || 'its folders'}.`,
          { locations: folders },
        );
      }
    }
    await ctx.plex.libraries.refresh(library.id, {
      ...(input.path !== undefined ? { path: input.path } : {}),
      signal: ctx.signal,
    });
    return waitForScans(ctx, [library], input.wait_seconds, 'Scan');
  },
});
