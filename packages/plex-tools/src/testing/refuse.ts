import type { PlexEmulatorOptions } from '@plexmcp/plex-emulator';
import { type ToolHarness, toolHarness } from './harness.js';

/**
 * A harness whose Plex refuses, with `status`, requests to exactly these paths (query ignored) or
 * those `refuse` picks, passing everything else to the emulator. The emulator's faults match path
 * prefixes, which cannot refuse `/` or `/library/sections` without everything under them, nor
 * one query of a path (a watched-state count beside the plain counts).
 */
export function harnessRefusing(
  refuse: readonly string[] | ((url: URL, request: Request) => boolean),
  status = 403,
  emulatorOptions: PlexEmulatorOptions = {},
): ToolHarness {
  const refused =
    typeof refuse === 'function' ? refuse : (url: URL) => refuse.includes(url.pathname);
  const harness: ToolHarness = toolHarness(emulatorOptions, {
    fetch: async (input, init) => {
      const request = new Request(input, init);
      if (refused(new URL(request.url), request)) {
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

/**
 * Refuses the first read of `pathname` after a write (any request but GET): the read-back after
 * a write, not the lookup before it nor a later check that the write took.
 */
export function readBackOf(pathname: string): (url: URL, request: Request) => boolean {
  let wrote = false;
  return (url, request) => {
    if (request.method !== 'GET') wrote = true;
    else if (wrote && url.pathname === pathname) {
      wrote = false;
      return true;
    }
    return false;
  };
}
