import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBindAllowed, loadConfig, parseRateLimit } from './config.js';

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
      dynamicToolsets: false,
      timeoutMs: 10_000,
      host: '127.0.0.1',
      port: 3001,
      apiKeys: [],
      allowedHosts: [],
      allowedOrigins: [],
      uploadDir: undefined,
      limits: {},
      demoOrganization: false,
      stateless: false,
      rateLimit: { perSecond: 20, burst: 40 },
      logLevel: 'info',
    });
  });

  it('reads the log level from --log-level, --debug or PLEX_MCP_LOG_LEVEL', () => {
    expect(loadConfig(['--demo'], { PLEX_MCP_LOG_LEVEL: 'WARN' }, missing)).toMatchObject({
      logLevel: 'warn',
    });
    expect(
      loadConfig(['--demo', '--log-level', 'error'], { PLEX_MCP_LOG_LEVEL: 'warn' }, missing),
    ).toMatchObject({ logLevel: 'error' });
    expect(
      loadConfig(['--demo', '--debug'], { PLEX_MCP_LOG_LEVEL: 'warn' }, missing),
    ).toMatchObject({ logLevel: 'debug' });
    expect(() => loadConfig(['--demo', '--log-level', 'loud'], {}, missing)).toThrow(
      'log level must be one of debug, info, warn, error',
    );
  });

  it('reads the HTTP settings from flags or environment', () => {
    expect(
      loadConfig(
        [
          '--demo',
          '--transport',
          'http',
          '--port',
          '0',
          '--stateless',
          '--allowed-hosts',
          'a.lan, b.lan',
        ],
        {
          PLEX_MCP_HOST: '0.0.0.0',
          PLEX_MCP_API_KEYS:
            'admin-secret-1-0123456789abcdefghij:read+write+delete,plain-secret-2-0123456789abcdefghij',
        },
        missing,
      ),
    ).toMatchObject({
      transport: 'http',
      host: '0.0.0.0',
      port: 0,
      stateless: true,
      allowedHosts: ['a.lan', 'b.lan'],
      apiKeys: [
        { key: 'admin-secret-1-0123456789abcdefghij', scopes: ['read', 'write', 'delete'] },
        { key: 'plain-secret-2-0123456789abcdefghij', scopes: undefined },
      ],
    });
    expect(
      loadConfig(
        [
          '--demo',
          '--api-key',
          'flag-secret-1-0123456789abcdefghijk:read',
          '--api-key',
          'flag-secret-2-0123456789abcdefghijk',
        ],
        { PLEX_MCP_TRANSPORT: 'http', PLEX_MCP_API_KEYS: 'env-secret-1-0123456789abcdefghijkl' },
        missing,
      ),
    ).toMatchObject({
      transport: 'http',
      apiKeys: [
        { key: 'flag-secret-1-0123456789abcdefghijk', scopes: ['read'] },
        { key: 'flag-secret-2-0123456789abcdefghijk', scopes: undefined },
      ],
    });
  });

  it('refuses a non-loopback host without keys unless the platform can hold them', () => {
    expect(() => assertBindAllowed('0.0.0.0', [])).toThrow(
      /Refusing to listen on 0\.0\.0\.0 without API keys/,
    );
    expect(() => assertBindAllowed('0.0.0.0', [], { platform: true })).not.toThrow();
    expect(() => assertBindAllowed('127.0.0.2', [])).not.toThrow();
    expect(() =>
      assertBindAllowed('0.0.0.0', [
        { key: 'long-secret-1-0123456789abcdefghijk', scopes: undefined },
      ]),
    ).not.toThrow();
    expect(
      loadConfig(['--demo', '--transport', 'http', '--host', '127.0.0.2'], {}, missing),
    ).toMatchObject({ host: '127.0.0.2' });
  });

  it('takes the admin scope on a key, and refuses bad keys without echoing them', () => {
    expect(
      loadConfig(
        ['--demo', '--api-key', 'long-secret-1-0123456789abcdefghijk:read+admin'],
        {},
        missing,
      ),
    ).toMatchObject({
      apiKeys: [{ key: 'long-secret-1-0123456789abcdefghijk', scopes: ['read', 'admin'] }],
    });
    expect(() =>
      loadConfig(['--demo', '--api-key', 'long-secret-1-0123456789abcdefghijk:owner'], {}, missing),
    ).toThrow(/API key #1 has an unknown scope after ':'/);
    let message = '';
    try {
      loadConfig(['--demo', '--api-key', 'xyzzy'], {}, missing);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/shorter than the minimum of 32 characters/);
    expect(message).toContain('plex-mcp-server generate-key');
    expect(message).not.toContain('xyzzy');
    expect(() => loadConfig(['--demo', '--api-key', 'ab'.repeat(20)], {}, missing)).toThrow(
      /API key #1 repeats too few characters/,
    );
    expect(() => loadConfig(['--demo', '--port', '70000'], {}, missing)).toThrow(
      /PLEX_MCP_PORT must be between 0 and 65535/,
    );
  });

  it("takes the Python server's settings: --transport sse, FASTMCP_HOST/PORT, access lists", () => {
    expect(
      loadConfig(
        ['--demo', '--transport', 'sse', '--access', 'read,write'],
        { FASTMCP_HOST: '127.0.0.3', FASTMCP_PORT: '8000' },
        missing,
      ),
    ).toMatchObject({ transport: 'http', host: '127.0.0.3', port: 8000, access: 'write' });
    // Our own variables come first.
    expect(
      loadConfig(
        ['--demo'],
        {
          PLEX_MCP_HOST: '127.0.0.4',
          PLEX_MCP_PORT: '9000',
          FASTMCP_HOST: '127.0.0.3',
          FASTMCP_PORT: '8000',
          PLEX_MCP_ACCESS: 'delete, read',
        },
        missing,
      ),
    ).toMatchObject({ host: '127.0.0.4', port: 9000, access: 'delete' });
    expect(() => loadConfig(['--demo', '--access', 'read,admin'], {}, missing)).toThrow(
      'access must be read, write or delete',
    );
    expect(() => loadConfig(['--demo', '--transport', 'ws'], {}, missing)).toThrow(
      'transport must be stdio, http or sse',
    );
  });

  it('reads the upload folder, allowed origins and limits', () => {
    const config = loadConfig(
      ['--demo', '--upload-dir', dir, '--limit', 'sessions=50', '--limit', 'calls-per-key=2'],
      { PLEX_MCP_ALLOWED_ORIGINS: 'https://a.example, https://b.example' },
      missing,
    );
    expect(config).toMatchObject({
      uploadDir: dir,
      allowedOrigins: ['https://a.example', 'https://b.example'],
      limits: { sessions: 50, 'calls-per-key': 2 },
    });
    expect(() => loadConfig(['--demo', '--upload-dir', dotEnv], {}, missing)).toThrow(
      `--upload-dir / PLEX_MCP_UPLOAD_DIR must name an existing folder; ${dotEnv} is not one.`,
    );
    expect(() =>
      loadConfig(['--demo'], { PLEX_MCP_UPLOAD_DIR: join(dir, 'nowhere') }, missing),
    ).toThrow(/must name an existing folder/);
    expect(
      loadConfig(['--demo'], { PLEX_MCP_LIMITS: 'body-bytes=4096,connections=10' }, missing),
    ).toMatchObject({ limits: { 'body-bytes': 4096, connections: 10 } });
    expect(() => loadConfig(['--demo', '--limit', 'sessionz=5'], {}, missing)).toThrow(
      /Unknown limit "sessionz".*known limits: body-bytes, sessions/,
    );
    expect(() => loadConfig(['--demo', '--limit', 'sessions=0'], {}, missing)).toThrow(
      'Limit sessions must be a whole number of at least 1 (e.g. --limit sessions=200).',
    );
    expect(() => loadConfig(['--demo', '--limit', 'sessions=many'], {}, missing)).toThrow(
      /Limit sessions must be a whole number/,
    );
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

  it('takes --demo-organization only with --demo over HTTP and no named database', () => {
    expect(
      loadConfig(['--demo', '--transport', 'http', '--demo-organization'], {}, missing),
    ).toMatchObject({ demo: true, demoOrganization: true });
    for (const argv of [
      ['--demo', '--demo-organization'],
      ['--transport', 'http', '--demo-organization'],
    ]) {
      expect(() =>
        loadConfig(argv, { PLEX_URL: 'http://plex:32400', PLEX_TOKEN: 't' }, missing),
      ).toThrow('--demo-organization goes with --demo --transport http');
    }
    expect(() =>
      loadConfig(
        ['--demo', '--transport', 'http', '--demo-organization', '--database', 'x.db'],
        {},
        missing,
      ),
    ).toThrow('drop --database');
  });

  it('parses toolsets and read-only from flags or environment', () => {
    expect(
      loadConfig(['--demo', '--read-only'], { PLEX_MCP_TOOLSETS: 'media, library' }, missing),
    ).toMatchObject({ readOnly: true, toolsets: ['media', 'library'] });
  });

  it('turns dynamic toolsets on from the flag or PLEX_MCP_DYNAMIC_TOOLSETS=1', () => {
    expect(loadConfig(['--demo', '--dynamic-toolsets'], {}, missing)).toMatchObject({
      dynamicToolsets: true,
    });
    expect(loadConfig(['--demo'], { PLEX_MCP_DYNAMIC_TOOLSETS: '1' }, missing)).toMatchObject({
      dynamicToolsets: true,
    });
    expect(loadConfig(['--demo'], { PLEX_MCP_DYNAMIC_TOOLSETS: '0' }, missing)).toMatchObject({
      dynamicToolsets: false,
    });
  });

  it('refuses dynamic toolsets without sessions to keep them in', () => {
    expect(() =>
      loadConfig(
        ['--demo', '--transport', 'http', '--stateless', '--dynamic-toolsets'],
        {},
        missing,
      ),
    ).toThrow(
      '--dynamic-toolsets needs MCP sessions to remember what was enabled; drop --stateless (or PLEX_MCP_STATELESS), or drop --dynamic-toolsets.',
    );
  });

  it('explains each bad value', () => {
    expect(() =>
      loadConfig(['--demo'], { PLEX_TIMEOUT_MS: 'soon', PLEX_TV_URL: 'plex.tv' }, missing),
    ).toThrow(/PLEX_TV_URL must be a URL[\s\S]*PLEX_TIMEOUT_MS must be a number/);
    expect(() => loadConfig(['--bogus'], {}, missing)).toThrow(/--help for the options/);
    expect(() => loadConfig(['--transport', 'websocket', '--demo'], {}, missing)).toThrow(
      'transport must be stdio, http or sse',
    );
  });

  it('answers help and version', () => {
    expect(loadConfig(['--help'], {}, missing)).toBe('help');
    expect(loadConfig(['--version'], {}, missing)).toBe('version');
    expect(loadConfig(['-v'], {}, missing)).toBe('version');
  });

  it('names exactly the Plex settings that are missing, and how to get a token', () => {
    const message = (env: Record<string, string>) => {
      try {
        loadConfig([], env, missing);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('loadConfig accepted a config without Plex settings');
    };
    const noToken = message({ PLEX_URL: 'http://plex:32400' });
    expect(noToken).toBe(
      'PLEX_TOKEN is not set. Run `plex-mcp-server login` to get one, or set PLEX_TOKEN (environment, .env or --plex-token); --demo tries it without a Plex server.',
    );
    const noUrl = message({ PLEX_TOKEN: 't' });
    expect(noUrl).toContain('PLEX_URL is not set');
    expect(noUrl).toContain('PLEX_URL=http://127.0.0.1:32400');
    expect(noUrl).toContain('--demo tries it without a Plex server.');
    expect(noUrl).not.toContain('PLEX_TOKEN');
    const neither = message({}).split('\n');
    expect(neither).toHaveLength(2);
    expect(neither[0]).toMatch(/^PLEX_URL is not set/);
    expect(neither[1]).toMatch(/^PLEX_TOKEN is not set\. Run `plex-mcp-server login`/);
    expect(neither[1]).toMatch(/--demo tries it without a Plex server\.$/);
  });
});

describe('parseRateLimit', () => {
  it('reads rate, rate:burst and off, defaulting to 20:40', () => {
    expect(parseRateLimit(undefined)).toEqual({ perSecond: 20, burst: 40 });
    expect(parseRateLimit('5')).toEqual({ perSecond: 5, burst: 10 });
    expect(parseRateLimit('5:7')).toEqual({ perSecond: 5, burst: 7 });
    expect(parseRateLimit('off')).toBe(false);
    expect(() => parseRateLimit('fast')).toThrow('PLEX_MCP_RATE_LIMIT must be requests per second');
  });
});
