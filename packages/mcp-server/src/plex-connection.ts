import { createPlexClient, type PlexClient } from '@plexmcp/plex-client';
import type { ServerConfig } from './config/config.js';
import { LIMITS } from './http/limits.js';

/** The Plex client the server uses, and how to let go of what it started. */
export interface PlexConnection {
  plex: PlexClient;
  /** Where `plex` points (the emulator's loopback URL in demo mode); may carry secrets, so redact before printing. */
  url: string;
  /** Where plex.tv calls go (the emulator's plex.tv in demo mode); undefined for https://plex.tv. */
  plexTvUrl: string | undefined;
  close(): Promise<void>;
}

/**
 * Connects to the configured Plex, or — with `--demo` — starts the emulator with its demo
 * library on a loopback port and points both the server and the plex.tv URL at it. The emulator
 * is imported only then, so a normal start does not pay for it.
 */
export async function connectPlex(config: ServerConfig): Promise<PlexConnection> {
  const maxConcurrentRequests = config.limits['plex-requests'] ?? LIMITS['plex-requests'].default;
  if (config.demo) {
    const { createPlexEmulator } = await import('@plexmcp/plex-emulator');
    const emulator = createPlexEmulator({ library: 'demo' });
    const served = await emulator.listen({ port: 0, host: '127.0.0.1' });
    const plex = createPlexClient({
      baseUrl: served.url,
      plexTvUrl: served.plexTvUrl,
      token: emulator.token,
      timeoutMs: config.timeoutMs,
      maxConcurrentRequests,
    });
    return {
      plex,
      url: served.url,
      plexTvUrl: served.plexTvUrl,
      close: () => emulator.close(),
    };
  }
  const plex = createPlexClient({
    baseUrl: config.plexUrl as string,
    token: config.plexToken as string,
    timeoutMs: config.timeoutMs,
    maxConcurrentRequests,
    ...(config.plexTvUrl ? { plexTvUrl: config.plexTvUrl } : {}),
  });
  return {
    plex,
    url: config.plexUrl as string,
    plexTvUrl: config.plexTvUrl,
    close: async () => {},
  };
}
