// The two timings of running several replicas, read from the environment: how long a SIGTERM
// waits for calls in flight, and how often usage counts are written (what a crash can lose).

import { ConfigError } from '../config/config-error.js';

/** SIGTERM waits this long for requests in flight before closing what remains. */
export const DEFAULT_DRAIN_SECONDS = 10;

/** How the server stops and meters, from `PLEX_MCP_DRAIN_SECONDS` and `PLEXMCP_USAGE_FLUSH_MS`. */
export interface ShutdownSettings {
  /** The bound on in-flight requests at SIGTERM, in ms. */
  drainMs: number;
  /** The usage flush interval in ms; undefined keeps the platform's default (5 s). */
  usageFlushMs: number | undefined;
}

/** Reads the settings; a bad value is a ConfigError naming the variable and what it takes. */
export function shutdownSettings(env: NodeJS.ProcessEnv): ShutdownSettings {
  const drain = number(env, 'PLEX_MCP_DRAIN_SECONDS', 0, 600);
  const flush = number(env, 'PLEXMCP_USAGE_FLUSH_MS', 100, 3_600_000);
  return {
    drainMs: (drain ?? DEFAULT_DRAIN_SECONDS) * 1000,
    usageFlushMs: flush,
  };
}

function number(env: NodeJS.ProcessEnv, name: string, min: number, max: number) {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a number from ${min} to ${max}.`);
  }
  return value;
}
