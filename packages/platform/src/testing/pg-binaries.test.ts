import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPgBinaries } from './pg-binaries.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'plexmcp-pg-bins-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function fakeBinDir(name: string, programs: string[]): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir);
  for (const program of programs) {
    writeFileSync(path.join(dir, program), '#!/bin/sh\n');
    chmodSync(path.join(dir, program), 0o755);
  }
  return dir;
}

describe('findPgBinaries', () => {
  it('takes the first PATH directory holding both initdb and pg_ctl', () => {
    const half = fakeBinDir('half', ['initdb']);
    const whole = fakeBinDir('whole', ['initdb', 'pg_ctl']);
    expect(findPgBinaries({ PATH: [half, whole].join(path.delimiter) })).toEqual({
      initdb: path.join(whole, 'initdb'),
      pgCtl: path.join(whole, 'pg_ctl'),
    });
  });

  it.skipIf(!existsSync('/usr/lib/postgresql'))(
    "falls back to Debian's /usr/lib/postgresql/<major>/bin, off PATH",
    () => {
      expect(findPgBinaries({ PATH: '' })?.initdb).toMatch(
        /^\/usr\/lib\/postgresql\/\d+\/bin\/initdb$/,
      );
    },
  );
});
