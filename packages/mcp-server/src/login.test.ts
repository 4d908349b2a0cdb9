import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config/config-error.js';
import { runLogin, writeEnvValue } from './login.js';

const dir = mkdtempSync(join(tmpdir(), 'plexmcp-envfile-'));

describe('writeEnvValue', () => {
  it('creates a missing file with mode 0600', () => {
    const path = join(dir, 'new.env');
    writeEnvValue(path, 'PLEX_TOKEN', 'abc');
    expect(readFileSync(path, 'utf8')).toBe('PLEX_TOKEN=abc\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('appends after a last line without a newline, and replaces an export line', () => {
    const path = join(dir, 'old.env');
    writeFileSync(path, 'PLEX_URL=http://x:32400');
    writeEnvValue(path, 'PLEX_TOKEN', 'one');
    expect(readFileSync(path, 'utf8')).toBe('PLEX_URL=http://x:32400\nPLEX_TOKEN=one\n');
    writeFileSync(path, 'export PLEX_TOKEN=old\nPLEX_TOKEN_EXTRA=keep\n');
    writeEnvValue(path, 'PLEX_TOKEN', 'two');
    expect(readFileSync(path, 'utf8')).toBe('PLEX_TOKEN=two\nPLEX_TOKEN_EXTRA=keep\n');
  });
});

describe('runLogin', () => {
  it('answers the old --env-file spelling with the new --dotenv one, before any sign-in', async () => {
    const said: string[] = [];
    const io = { env: {}, say: (line: string) => said.push(line) };
    await expect(runLogin(['--env-file', 'plex.env'], io)).rejects.toThrow(
      /--dotenv, not --env-file.*plex-mcp-server login --dotenv plex\.env$/,
    );
    await expect(runLogin(['--env-file=plex.env'], io)).rejects.toThrow(
      'plex-mcp-server login --dotenv plex.env',
    );
    await expect(runLogin(['--env-file'], io)).rejects.toBeInstanceOf(ConfigError);
    expect(said).toEqual([]);
  });
});
