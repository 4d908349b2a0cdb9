import { crc32, inflateRawSync } from 'node:zlib';

/** One file read back from a ZIP archive. */
export interface UnzippedEntry {
  name: string;
  data: Uint8Array;
  /** 0 stored, 8 deflated. */
  method: number;
  modifiedAt: Date;
}

/**
 * Reads a ZIP archive through its central directory, as real unzippers do, and checks every
 * entry's CRC. Small on purpose: tests use it to prove that `/diagnostics/logs` is a real archive.
 */
export function readZip(archive: Uint8Array): UnzippedEntry[] {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const end = findEndOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const entries: UnzippedEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`bad central header at ${at}`);
    const method = view.getUint16(at + 10, true);
    const time = view.getUint16(at + 12, true);
    const date = view.getUint16(at + 14, true);
    const checksum = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(archive.subarray(at + 46, at + 46 + nameLength));

    if (view.getUint32(localOffset, true) !== 0x04034b50) {
      throw new Error(`bad local header for ${name}`);
    }
    const dataStart =
      localOffset +
      30 +
      view.getUint16(localOffset + 26, true) +
      view.getUint16(localOffset + 28, true);
    const stored = archive.subarray(dataStart, dataStart + compressedSize);
    const data = method === 8 ? new Uint8Array(inflateRawSync(stored)) : stored;
    if (method !== 0 && method !== 8) throw new Error(`unsupported method ${method} for ${name}`);
    if (crc32(data) !== checksum) throw new Error(`CRC mismatch for ${name}`);

    entries.push({ name, data, method, modifiedAt: fromDos(date, time) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus an archive comment of up to 64 KiB; scan backwards for it.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  throw new Error('not a ZIP archive: no end of central directory record');
}

function fromDos(date: number, time: number): Date {
  return new Date(
    Date.UTC(
      (date >> 9) + 1980,
      ((date >> 5) & 0x0f) - 1,
      date & 0x1f,
      time >> 11,
      (time >> 5) & 0x3f,
      (time & 0x1f) * 2,
    ),
  );
}
