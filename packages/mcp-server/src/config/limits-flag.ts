import { LIMITS, type LimitName, type Limits } from '../http/limits.js';
import { ConfigError } from './config-error.js';

/** `--limit name=value` entries (or `PLEX_MCP_LIMITS` as a comma list) as limit overrides. */
export function parseLimits(entries: readonly string[]): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const entry of entries) {
    const [name = '', value = ''] = entry.split('=').map((part) => part.trim());
    if (!Object.hasOwn(LIMITS, name)) {
      throw new ConfigError(
        `Unknown limit "${name}" in --limit/PLEX_MCP_LIMITS; known limits: ${Object.keys(LIMITS).join(', ')}.`,
      );
    }
    const limit = LIMITS[name as LimitName];
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < limit.min) {
      throw new ConfigError(
        `Limit ${name} must be a whole number of at least ${limit.min} (e.g. --limit ${name}=${limit.default}).`,
      );
    }
    limits[name as LimitName] = number;
  }
  return limits;
}

/** The `--help` lines that list every limit and its default. */
export function limitsHelp(): string {
  return Object.entries(LIMITS)
    .map(([name, limit]) => `                           ${name}=${limit.default}  ${limit.about}`)
    .join('\n');
}
