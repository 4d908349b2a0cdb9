import type { PlexEmulatorOptions } from '@plexmcp/plex-emulator';
import { type ToolHarness, toolHarness } from './harness.js';

/**
 * A harness whose Plex refuses requests to exactly these paths (query ignored) with `status`,
 * passing everything else to the emulator. The emulator's faults match path prefixes, which
 * cannot refuse `/` or `/library/sections` without refusing everything under them.
 */
export function harnessRefusing(
  paths: readonly string[],
  status = 403,
  emulatorOptions: PlexEmulatorOptions = {},
): ToolHarness {
  const refused = new Set(paths);
  const harness: ToolHarness = toolHarness(emulatorOptions, {
    fetch: async (input, init) => {
      const request = new Request(input, init);
      if (refused.has(new URL(request.url).pathname)) {
        return new Response('<html><body>Refused</body></html>', {
          status,
          headers: { 'content-type': 'text/html' },
        });
      }
      return harness.emulator.fetch(request);
    },
  });
  return harness;
}
