import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip } from './unzip.js';
import { createZip } from './zip.js';

const decode = (data: Uint8Array) => new TextDecoder().decode(data);

/** Whether an external tool exists, so the cross-check runs where it can. */
function has(tool: string, versionFlag: string): boolean {
  try {
    execFileSync(tool, [versionFlag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('createZip', () => {
  const at = new Date(Date.UTC(2025, 10, 22, 12, 34, 56));

  it('round-trips entries with names, contents and timestamps', () => {
    const log = 'Nov 22, 2025 12:00:00.000 [0x7f3c2a1b6b38] INFO  - hello\n'.repeat(200);
    const zip = createZip(
      [
        { name: 'Plex Media Server.log', data: log },
        { name: 'empty.log', data: '' },
        { name: 'bytes.bin', data: new Uint8Array([0, 1, 2, 255]) },
      ],
      { modifiedAt: at },
    );
    const entries = readZip(zip);
    expect(entries.map((entry) => entry.name)).toEqual([
      'Plex Media Server.log',
      'empty.log',
      'bytes.bin',
    ]);
    expect(decode(entries[0]!.data)).toBe(log);
    expect(entries[0]!.method).toBe(8);
    expect(entries[1]!.data.length).toBe(0);
    expect(entries[1]!.method).toBe(0);
    expect([...entries[2]!.data]).toEqual([0, 1, 2, 255]);
    expect(entries[0]!.modifiedAt.toISOString()).toBe('2025-11-22T12:34:56.000Z');
  });

  it('stores entries uncompressed when asked or when deflate would not help', () => {
    const stored = readZip(
      createZip([{ name: 'a.txt', data: 'aaaa'.repeat(100) }], { compress: false }),
    );
    expect(stored[0]!.method).toBe(0);
    const tiny = readZip(createZip([{ name: 'b.txt', data: 'x' }]));
    expect(tiny[0]!.method).toBe(0);
    expect(decode(tiny[0]!.data)).toBe('x');
  });

  it('starts with a local header and ends with the end-of-central-directory record', () => {
    const zip = createZip([{ name: 'a.txt', data: 'abc' }]);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint32(zip.length - 22, true)).toBe(0x06054b50);
    expect(view.getUint16(zip.length - 12, true)).toBe(1);
  });

  it('is rejected by the reader when a byte is corrupted', () => {
    const zip = createZip([{ name: 'a.txt', data: 'abc' }], { compress: false });
    zip[30 + 'a.txt'.length] = 'z'.charCodeAt(0);
    expect(() => readZip(zip)).toThrow(/CRC mismatch/);
  });

  it.skipIf(!has('unzip', '-v'))('passes `unzip -t` when unzip is installed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    try {
      const file = join(dir, 'logs.zip');
      writeFileSync(
        file,
        createZip([
          { name: 'Plex Media Server.log', data: 'line one\nline two\n'.repeat(50) },
          { name: 'Plex Update Service.log', data: '' },
        ]),
      );
      const output = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
      expect(output).toMatch(/No errors detected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
