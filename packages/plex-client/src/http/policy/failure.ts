import type { HTTPError, TimeoutError } from 'ky';
import { DirectHttpError, DirectTimeoutError, directHeader } from '../direct.js';
import { loadedKy } from '../ky-loader.js';
import { BodyTimeoutError, BodyTooLargeError } from './body-cap.js';

/** A non-2xx answer, from either engine. */
export interface StatusFailure {
  kind: 'status';
  status: number;
  header(name: string): string | null;
  /** The answer's body, for a hint in the message. */
  text(): Promise<string>;
}

/**
 * What went wrong with one try, in the terms the policy decides on; each engine's own errors
 * (ky's `HTTPError`/`TimeoutError`, the node:http engine's) are read here and nowhere else.
 */
export type Failure =
  | StatusFailure
  /** No complete answer within the timeout. */
  | { kind: 'timeout' }
  /** The answer was over `MAX_BODY_BYTES`. */
  | { kind: 'too-large'; limitBytes: number }
  /** Node refused the request itself (`ERR_INVALID_CHAR` in a header, `ERR_INVALID_URL`, …). */
  | { kind: 'local'; code: string }
  /** The network failed; `code` is the errno-style code when there is one. */
  | { kind: 'network'; code: string | undefined };

/** Reads whatever an engine threw as a `Failure`. */
export function classify(error: unknown): Failure {
  if (error instanceof DirectHttpError) {
    const { response } = error;
    return {
      kind: 'status',
      status: response.status,
      header: (name) => directHeader(response, name),
      text: async () => response.body,
    };
  }
  if (isKyHttpError(error)) {
    const { response } = error;
    return {
      kind: 'status',
      status: response.status,
      header: (name) => response.headers.get(name),
      text: () => response.clone().text(),
    };
  }
  if (
    isKyTimeoutError(error) ||
    error instanceof DirectTimeoutError ||
    error instanceof BodyTimeoutError
  )
    return { kind: 'timeout' };
  if (error instanceof BodyTooLargeError)
    return { kind: 'too-large', limitBytes: error.limitBytes };
  const code = networkCode(error);
  // Node's own validation errors carry `ERR_…` codes; network failures carry `E…` ones.
  if (code?.startsWith('ERR_')) return { kind: 'local', code };
  return { kind: 'network', code };
}

/** Whether an error came from an engine and holds what was sent or received (headers and all). */
export function isEngineError(error: unknown): boolean {
  return (
    isKyHttpError(error) ||
    isKyTimeoutError(error) ||
    error instanceof DirectHttpError ||
    error instanceof DirectTimeoutError
  );
}

/** The errno-style code of a network failure (`ECONNREFUSED`, `ENOTFOUND`, …), if any. */
export function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

// ky is imported lazily: until something loaded it, no error can be one of its.
function isKyHttpError(error: unknown): error is HTTPError {
  const ky = loadedKy();
  return ky !== undefined && error instanceof ky.HTTPError;
}

function isKyTimeoutError(error: unknown): error is TimeoutError {
  const ky = loadedKy();
  return ky !== undefined && error instanceof ky.TimeoutError;
}
