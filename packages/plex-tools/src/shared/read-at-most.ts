import type { FileHandle } from 'node:fs/promises';

/** Bytes asked of the file per read: small enough that a refused file costs little memory. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Reads from the handle's current position to the end of the file, but never more than
 * `limit + 1` bytes, so a result longer than `limit` means "too large". The size a file's
 * stat reports is not trusted: /proc and /sys files say 0 and can yield without end.
 */
export async function readAtMost(handle: FileHandle, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total <= limit) {
    const chunk = new Uint8Array(Math.min(CHUNK_BYTES, limit + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return joined(chunks, total);
}

/** The chunks as one array of their own (not a view into a shared pool or a larger buffer). */
export function joined(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
