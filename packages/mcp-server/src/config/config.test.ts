import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const dir = mkdtempSync(join(tmpdir(), 'plexmcp-config-'));
const dotEnv = join(dir, '.env');
writeFileSync(
  dotEnv,
  'PLEX_URL=http://from-dotenv:32400\nPLEX_TOKEN=dotenv-token\nPLEX_USERNAME=alex\n',
);
const missing = join(dir, 'missing.env');

describe('loadConfig', () => {
  it('reads the environment with sane defaults', () => {
    expect(loadConfig([], { PLEX_URL: 'http://plex:32400', PLEX_TOKEN: 't' }, missing)).toEqual({
      transport: 'stdio',
      demo: false,
      plexUrl: 'http://plex:32400',
      plexToken: 't',
      plexTvUrl: undefined,
      plexUsername: undefined,
      access: 'write',
      toolsets: undefined,
      readOnly: false,
      timeoutMs: 10_000,
    });
  });

  it('lets flags win over the environment, which wins over .env', () => {
    const config = loadConfig(
      ['--plex-url', 'http://from-flag:32400', '--access', 'delete'],
      { PLEX_URL: 'http://from-env:32400', PLEX_MCP_ACCESS: 'read' },
      dotEnv,
    );
    expect(config).toMatchObject({
      plexUrl: 'http://from-flag:32400',
      plexToken: 'dotenv-token',
      plexUsername: 'alex',
      access: 'delete',
    });
  });

  it('needs no Plex settings in demo mode', () => {
    expect(loadConfig(['--demo'], {}, missing)).toMatchObject({ demo: true, plexUrl: undefined });
  });

  it('parses toolsets and read-only from flags or environment', () => {
    expect(
      loadConfig(['--demo', '--read-only'], { PLEX_MCP_TOOLSETS: 'media, library' }, missing),
    ).toMatchObject({ readOnly: true, toolsets: ['media', 'library'] });
  });

  it('explains each bad value', () => {
    expect(() =>
      loadConfig(['--demo'], { PLEX_TIMEOUT_MS: 'soon', PLEX_TV_URL: 'plex.tv' }, missing),
    ).toThrow(/PLEX_TV_URL must be a URL[\s\S]*PLEX_TIMEOUT_MS must be a number/);
    expect(() => loadConfig(['--bogus'], {}, missing)).toThrow(/--help for the options/);
    expect(() => loadConfig(['--transport', 'http', '--demo'], {}, missing)).toThrow(
      'transport must be stdio',
    );
  });

  it('answers help', () => {
    expect(loadConfig(['--help'], {}, missing)).toBe('help');
  });
});
