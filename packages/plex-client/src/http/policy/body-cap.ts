/**
 * The largest answer either engine reads into memory. Plex pages its lists, so real answers are
 * far smaller; the cap keeps a broken or hostile server from growing one string past what V8 can
 * hold (which would crash the process from inside a socket callback).
 */
export const MAX_BODY_BYTES = 128 * 2 ** 20;

/** An answer larger than `MAX_BODY_BYTES`: read no further, so it cannot exhaust memory. */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number = MAX_BODY_BYTES) {
    super(`The answer is larger than ${Math.round(limitBytes / 2 ** 20)} MiB`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The rest of an answer did not arrive before the try's deadline: the same timeout the node:http
 * engine applies to the whole answer, not only to its headers.
 */
export class BodyTimeoutError extends Error {
  constructor() {
    super('The answer did not finish before the timeout');
    this.name = 'BodyTimeoutError';
  }
}

/** Whether a declared `Content-Length` already says the answer is over the cap. */
export function declaredTooLarge(contentLength: string | null | undefined): boolean {
  return Number(contentLength) > MAX_BODY_BYTES;
}

/** UTF-8 text without a leading byte-order mark, as `Response.text()` decodes it. */
export function decodeBody(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads a fetch `Response` body to its end under the same cap and deadline (`Date.now()` ms) the
 * node:http engine applies, cancelling the stream the moment either is crossed.
 */
export async function readCapped(response: Response, deadline?: number): Promise<string> {
  if (declaredTooLarge(response.headers.get('content-length'))) {
    // Not awaited: a cancel can wait on the peer, and nothing more is wanted from it.
    response.body?.cancel().catch(() => {});
    throw new BodyTooLargeError();
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body.getReader();
  let timer: NodeJS.Timeout | undefined;
  // Raced with every read, so a body that stalls midway fails at the deadline.
  const expired =
    deadline === undefined
      ? undefined
      : new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => {
              // Rejected before the cancel, which ends the pending read as if the body were done.
              reject(new BodyTimeoutError());
              reader.cancel().catch(() => {});
            },
            Math.max(0, deadline - Date.now()),
          );
        });
  try {
    for (;;) {
      const { done, value } = await (expired
        ? Promise.race([reader.read(), expired])
        : reader.read());
      if (done) break;
      received += value.byteLength;
      if (received > MAX_BODY_BYTES) {
        reader.cancel().catch(() => {});
        throw new BodyTooLargeError();
      }
      chunks.push(value);
    }
  } finally {
    clearTimeout(timer);
  }
  return decodeBody(Buffer.concat(chunks));
}
