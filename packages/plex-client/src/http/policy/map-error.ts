import { inspect } from 'node:util';
import { PlexBadRequestError } from '../../errors/bad-request-error.js';
import { PlexForbiddenError } from '../../errors/forbidden-error.js';
import { PlexHttpError } from '../../errors/http-error.js';
import { PlexInvalidResponseError } from '../../errors/invalid-response-error.js';
import { PlexNotFoundError } from '../../errors/not-found-error.js';
import { PlexError } from '../../errors/plex-error.js';
import { PlexRateLimitedError } from '../../errors/rate-limited-error.js';
import { PlexTimeoutError } from '../../errors/timeout-error.js';
import { PlexUnauthorizedError } from '../../errors/unauthorized-error.js';
import { PlexUnreachableError } from '../../errors/unreachable-error.js';
import { pathOf, redactText } from '../redact.js';
import { classify, isEngineError, type StatusFailure } from './failure.js';
import { parseRetryAfter } from './retry-after.js';

/** Where a request was going, for the error's message. */
export interface RequestTarget {
  method: string;
  /** Already redacted. */
  url: string;
  /** `Plex Media Server` or `plex.tv`, for messages a person reads. */
  site: string;
  timeoutMs: number;
  /** Secrets to scrub from any text copied into the message. */
  secrets: readonly string[];
}

/** Turns whatever either engine threw into the matching `PlexError` (the one error mapping). */
export async function toPlexError(error: unknown, target: RequestTarget): Promise<PlexError> {
  if (error instanceof PlexError) return error;
  const base = { method: target.method, url: target.url, cause: scrubCause(error, target.secrets) };
  // The message names the path only: it reaches callers, who need not learn the server's
  // address. The full (redacted) URL stays on the error's `url`, for the operator's log.
  const where = `${target.method} ${pathOf(target.url)}`;

  const failure = classify(error);
  if (failure.kind === 'status') {
    const answer = failure;
    const status = answer.status;
    const details = { ...base, status };
    switch (status) {
      case 401:
        return new PlexUnauthorizedError(
          `${target.site} rejected the token (401) for ${where}. The token is missing, wrong or revoked: sign in again to get a new one.`,
          details,
        );
      case 403:
        return new PlexForbiddenError(
          `${target.site} refused ${where} (403): this account may not do that.`,
          details,
        );
      case 404:
        return new PlexNotFoundError(`${target.site} has nothing at ${where} (404).`, details);
      case 400:
        return new PlexBadRequestError(
          `${target.site} refused the parameters of ${where} (400)${await bodyHint(answer, target.secrets)}.`,
          details,
        );
      case 429: {
        const retryAfterMs = parseRetryAfter(answer.header('Retry-After'));
        const wait =
          retryAfterMs === undefined ? '' : ` Retry after ${Math.ceil(retryAfterMs / 1000)} s.`;
        return new PlexRateLimitedError(
          `${target.site} is rate limiting requests (429) for ${where}.${wait}`,
          retryAfterMs === undefined ? details : { ...details, retryAfterMs },
        );
      }
      default:
        return new PlexHttpError(
          `${target.site} answered HTTP ${status} for ${where}${await bodyHint(answer, target.secrets)}.`,
          details,
        );
    }
  }
  if (failure.kind === 'too-large') {
    return new PlexInvalidResponseError(
      `${target.site} answered ${where} with more than ${Math.round(failure.limitBytes / 2 ** 20)} MiB; the answer was not read. Ask for a smaller page.`,
      { ...base, path: '(body)' },
    );
  }
  if (failure.kind === 'timeout') {
    return new PlexTimeoutError(
      `${target.site} did not answer ${where} within ${target.timeoutMs} ms. Check that the server is running and reachable, or raise the timeout.`,
      base,
    );
  }
  const code = failure.code;
  return new PlexUnreachableError(
    `Cannot reach ${target.site} for ${where}${code ? ` (${code})` : ''}. Check the URL and that the server is running and reachable from this machine.`,
    base,
  );
}

/**
 * A cause that is safe to keep on an error. ky's errors carry the request, its options and the
 * response, headers and all: `util.inspect(error)` or a logger that walks `cause` would print the
 * token. They are replaced by plain errors with the same name, code, message and stack (redacted)
 * and a scrubbed `cause` chain; other causes are kept unless they mention a secret anywhere.
 */
export function scrubCause(error: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!(error instanceof Error)) {
    return typeof error === 'string' ? redactText(error, secrets) : error;
  }
  // ky's errors hold the request and its options; direct ones the answer's headers. Copy them all.
  if (!isEngineError(error) && !mentionsSecret(error, secrets)) return error;
  const copy = new Error(redactText(error.message, secrets));
  copy.name = error.name;
  copy.stack = redactText(error.stack ?? '', secrets);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
  if (error.cause !== undefined && depth < 4) {
    Object.defineProperty(copy, 'cause', {
      value: scrubCause(error.cause, secrets, depth + 1),
      enumerable: false,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** Whether anything redaction masks (a secret, a token pair, URL credentials) shows when the error is inspected. */
function mentionsSecret(error: Error, secrets: readonly string[]): boolean {
  const text = inspect(error, { depth: 6, showHidden: true });
  return redactText(text, secrets) !== text;
}

/** A short, token-free excerpt of an error body: PMS sends HTML, plex.tv JSON `errors`. */
async function bodyHint(answer: StatusFailure, secrets: readonly string[]): Promise<string> {
  let text: string;
  try {
    text = await answer.text();
  } catch {
    return '';
  }
  const fromJson = /"message"\s*:\s*"([^"]{1,200})"/.exec(text)?.[1];
  const fromHtml = /<h1>([^<]{1,200})<\/h1>/i.exec(text)?.[1];
  const hint = fromJson ?? fromHtml;
  return hint ? `: ${redactText(hint, secrets)}` : '';
}
