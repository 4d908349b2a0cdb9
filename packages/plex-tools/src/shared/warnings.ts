import { isPlexError, type PlexError } from '@plexmcp/plex-client';
import * as v from 'valibot';

/**
 * The `warnings` field of outputs that combine several Plex requests: present only when a detail
 * was missing, each entry naming the missing part and why.
 */
export const warningsField = { warnings: v.optional(v.array(v.string())) };

/**
 * Why a request gave nothing, in words without its URL, address or token; `who` names the
 * service (plex.tv for account lists).
 */
export function missingReason(error: Pick<PlexError, 'code' | 'status'>, who = 'Plex'): string {
  const status = error.status === undefined ? '' : ` (${error.status})`;
  switch (error.code) {
    case 'FORBIDDEN':
    case 'UNAUTHORIZED':
      return `${who} refused${status}`;
    case 'NOT_FOUND':
      return `not offered by this server${status}`;
    case 'TIMEOUT':
      return `${who} did not answer in time`;
    case 'UNREACHABLE':
      return `${who} could not be reached`;
    case 'RATE_LIMITED':
      return `${who} is rate limiting${status}`;
    case 'INVALID_RESPONSE':
      return `${who} answered something unreadable`;
    default:
      return `${who} failed${status}`;
  }
}

/**
 * Collects what a tool could not fill in. A tool's primary request fails the call as before; an
 * auxiliary one (a count, the update status, an account list) goes through `optional`, so its
 * failure leaves that part null and a warning such as "item counts unavailable: Plex refused
 * (403)" instead of failing the whole call for a detail.
 */
export class Warnings {
  readonly list: string[] = [];

  constructor(private readonly signal?: AbortSignal) {}

  /**
   * Runs an auxiliary request: its value, or null with a warning that `part` is unavailable.
   * Cancellation and errors that are not Plex's (bugs) still propagate.
   */
  async optional<T>(part: string, request: () => Promise<T>): Promise<T | null> {
    try {
      return await request();
    } catch (error) {
      if (this.signal?.aborted || !isPlexError(error)) throw error;
      this.add(`${part} unavailable: ${missingReason(error)}`);
      return null;
    }
  }

  /** Records a warning once (a part asked for per item still warns once). */
  add(message: string): void {
    if (!this.list.includes(message)) this.list.push(message);
  }

  /** `output` with `warnings` added when there are any; unchanged (no empty list) otherwise. */
  attach<T extends object>(output: T): T & { warnings?: string[] } {
    return this.list.length === 0 ? output : { ...output, warnings: [...this.list] };
  }
}
