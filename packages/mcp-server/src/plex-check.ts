import { isPlexError, type PlexClient, redactUrl } from '@plexmcp/plex-client';
import type { Logger } from './server/logger.js';

/** What {@link checkPlex} needs: the client to ask, where it points, and where to say what it found. */
export interface PlexCheckOptions {
  plex: PlexClient;
  /** The Plex URL as configured; printed redacted. */
  plexUrl: string;
  logger: Logger;
}

/**
 * Asks Plex once who it is and logs the outcome, so a wrong token or URL shows at start rather
 * than at the first tool call. `GET /` needs the token (`/identity` does not), so a refused token
 * shows too. Never rejects: a Plex that is down must not stop the server from starting.
 */
export async function checkPlex({ plex, plexUrl, logger }: PlexCheckOptions): Promise<void> {
  const where = redactUrl(plexUrl);
  try {
    const info = await plex.server.info();
    logger.info(`Plex reachable: ${info.friendlyName} (Plex Media Server ${info.version})`);
  } catch (error) {
    if (!isPlexError(error)) {
      logger.warn(
        `could not check Plex at ${where}: ${(error as Error)?.message ?? String(error)}`,
      );
      return;
    }
    switch (error.code) {
      case 'UNAUTHORIZED':
        logger.warn(
          `Plex at ${where} refused the token (401): tools will fail until it is replaced. Run \`plex-mcp-server login\` for a new one.`,
        );
        return;
      case 'UNREACHABLE':
      case 'TIMEOUT':
        logger.warn(
          `Plex is not answering at PLEX_URL=${where} (${error.code === 'TIMEOUT' ? 'timed out' : 'unreachable'}): tools will fail until it answers.`,
        );
        return;
      default:
        logger.warn(`Plex at ${where} answered the start-up check with an error: ${error.message}`);
    }
  }
}
