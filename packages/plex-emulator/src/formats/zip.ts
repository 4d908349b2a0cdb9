import { crc32, deflateRawSync } from 'node:zlib';

/** One file to put in a ZIP archive. */
export interface ZipEntry {
  /** Path inside the archive, `/`-separated. */
  name: string;
  data: Uint8Array | string;
  /** Modification time; defaults to the archive's `modifiedAt`. */
  modifiedAt?: Date;
}

/** Options for `createZip`. */
export interface ZipOptions {
  /** Timestamp written for entries without their own (ZIP stores local DOS time; we store UTC). */
  modifiedAt?: Date;
  /** Deflate entries when that makes them smaller (default true); false stores every entry as-is. */
  compress?: boolean;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** General purpose flag bit 11: names are UTF-8 ("Plex Media Server.log" is ASCII, but be exact). */
const UTF8_NAMES = 0x0800;
const STORED = 0;
const DEFLATED = 8;
/** ZIP 2.0: deflate, no ZIP64. */
const VERSION = 20;

/**
 * Builds a ZIP archive in memory, what `unzip`, Python's `zipfile` and every OS archiver read.
 * No ZIP64: entries and the archive must stay below 4 GiB, far beyond any emulated log.
 */
export function createZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Uint8Array {
  const encoder = new TextEncoder();
  const defaultTime = options.modifiedAt ?? new Date(Date.UTC(1980, 0, 1));
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;

  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const raw = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
    const checksum = crc32(raw);
    const deflated = options.compress === false || raw.length === 0 ? raw : deflateRawSync(raw);
    const useDeflate = deflated.length < raw.length;
    const body = useDeflate ? deflated : raw;
    const { time, date } = dosDateTime(entry.modifiedAt ?? defaultTime);
    const fields: EntryFields = {
      method: useDeflate ? DEFLATED : STORED,
      time,
      date,
      checksum,
      compressedSize: body.length,
      size: raw.length,
      nameLength: name.length,
    };

    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, LOCAL_HEADER, true);
    local.setUint16(4, VERSION, true);
    writeEntryFields(local, 6, fields);
    local.setUint16(28, 0, true);
    chunks.push(new Uint8Array(local.buffer), name, body);

    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, CENTRAL_HEADER, true);
    header.setUint16(4, VERSION, true);
    header.setUint16(6, VERSION, true);
    writeEntryFields(header, 8, fields);
    // extra length (30), comment length (32), disk (34), internal (36), external attributes (38)
    header.setUint32(42, offset, true);
    central.push(new Uint8Array(header.buffer), name);

    offset += 30 + name.length + body.length;
  }

  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return concat([...chunks, ...central, new Uint8Array(end.buffer)]);
}

interface EntryFields {
  method: number;
  time: number;
  date: number;
  checksum: number;
  compressedSize: number;
  size: number;
  nameLength: number;
}

/** The run of fields local and central headers share, from "flags" to "name length". */
function writeEntryFields(view: DataView, at: number, fields: EntryFields): void {
  view.setUint16(at, UTF8_NAMES, true);
  view.setUint16(at + 2, fields.method, true);
  view.setUint16(at + 4, fields.time, true);
  view.setUint16(at + 6, fields.date, true);
  view.setUint32(at + 8, fields.checksum, true);
  view.setUint32(at + 12, fields.compressedSize, true);
  view.setUint32(at + 16, fields.size, true);
  view.setUint16(at + 20, fields.nameLength, true);
}

/** MS-DOS date and time words; DOS cannot express years before 1980, so clamp there. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
