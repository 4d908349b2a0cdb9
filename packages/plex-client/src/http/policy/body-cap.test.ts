import { describe, expect, it, vi } from 'vitest';
import { BodyTooLargeError, MAX_BODY_BYTES, readCapped } from './body-cap.js';

/** A body of `count` copies of one 1 MiB chunk, counting how many were pulled. */
function chunked(count: number) {
  const chunk = new Uint8Array(2 ** 20).fill(0x61);
  const pulled = { n: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.n === count) controller.close();
      else {
        pulled.n++;
        controller.enqueue(chunk);
      }
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { response: new Response(body), pulled };
}

describe('readCapped (the ky engine’s body reader)', () => {
  it('reads UTF-8 without its byte-order mark, as Response.text() does', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a":"é"}')]);
    expect(await readCapped(new Response(bytes))).toBe('{"a":"é"}');
    expect(await readCapped(new Response(null))).toBe('');
  });

  it('stops reading a body without a length once it passes the cap, and cancels it', async () => {
    const { response, pulled } = chunked(MAX_BODY_BYTES / 2 ** 20 + 10);
    await expect(readCapped(response)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled.n).toBeLessThanOrEqual(MAX_BODY_BYTES / 2 ** 20 + 2);
    expect(pulled.cancelled).toBe(true);
  });

  it('refuses a declared length over the cap before reading, and cancels the body', async () => {
    const { response: streamed, pulled } = chunked(MAX_BODY_BYTES / 2 ** 20 + 10);
    const response = new Response(streamed.body, {
      headers: { 'content-length': String(MAX_BODY_BYTES + 1) },
    });
    await expect(readCapped(response)).rejects.toThrow('larger than 128 MiB');
    // A stream pulls one chunk ahead on its own; reading would have pulled them all.
    expect(pulled.n).toBeLessThanOrEqual(1);
    await vi.waitFor(() => expect(pulled.cancelled).toBe(true));
  });
});
