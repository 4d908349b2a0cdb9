// The platform (organizations, members, managed keys, /v1) is a package of its own: it brings a
// database driver with native code, which the self-contained binary cannot carry. HTTP mode
// loads it when it is installed; without it the server keeps its configured keys and says how
// to add it. stdio never gets here.

import type { PlatformHost, PlatformHostOptions } from '@plexmcp/platform';

/** The platform as the front door uses it. */
export type ServerPlatform = PlatformHost;

/** The package to install for the platform, as said in messages. */
export const PLATFORM_PACKAGE = '@plexmcp/platform';

/** How to run the server with the platform when it is missing. */
export const PLATFORM_HINT = `install ${PLATFORM_PACKAGE} beside the server (npx -p @plexmcp/mcp-server -p ${PLATFORM_PACKAGE} plex-mcp-server …, or npm install ${PLATFORM_PACKAGE}); the Docker image has it`;

/** The platform package's exports, or undefined when it is not installed. */
export async function importPlatform(): Promise<typeof import('@plexmcp/platform') | undefined> {
  try {
    return await import('@plexmcp/platform');
  } catch (error) {
    // Only its own absence means "not installed"; a broken install (a driver that failed to
    // build) must be seen, not mistaken for a choice.
    const missing =
      (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
      String((error as Error).message).includes(`'${PLATFORM_PACKAGE}'`);
    if (missing) return undefined;
    throw error;
  }
}

/** Opens the platform when it is installed (undefined when not). */
export async function loadPlatform(
  options: PlatformHostOptions,
): Promise<ServerPlatform | undefined> {
  const platform = await importPlatform();
  return platform?.startPlatformHost(options);
}
