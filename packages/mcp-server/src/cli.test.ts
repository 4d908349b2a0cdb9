import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createPlexEmulator } from '@plexmcp/plex-emulator';
import { beforeAll, describe, expect, it } from 'vitest';
import { plexScene } from './e2e/scene.js';
import {
  BUILT_BIN as cli,
  ensureBuilt,
  runBuilt as run,
  startBuiltServer,
  WORK_DIR,
} from './testing/built-bin.js';
import { startBuiltHttpServer } from './testing/http-server.js';

// `pnpm test` builds before testing, so these run the binary users get.
beforeAll(ensureBuilt, 60_000);

/** util-linux `script`, for a pseudo-terminal; the terminal test is skipped without it. */
const hasScript = spawnSync('script', ['--version']).status === 0;

describe('plex-mcp-server over stdio', () => {
  it('serves the demo library to a real MCP client', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      cwd: WORK_DIR,
      args: [cli, '--demo'],
      env: { PATH: process.env.PATH ?? '' },
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const client = new Client({ name: 'e2e', version: '1.0.0' });
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(50);
    expect(tools.map((tool) => tool.name)).not.toContain('media_delete');
    const result = await client.callTool({ name: 'media_search', arguments: { query: 'charade' } });
    expect(JSON.stringify(result.structuredContent)).toContain('Charade');
    await client.close();
    expect(stderr).toContain('serving the demo library over stdio');
    // Started by a client, not in a terminal: no hint for a person.
    expect(stderr).not.toContain('waiting for an MCP client');
    expect(stderr).not.toContain('plex-emulator-token');
  }, 30_000);

  it('says at start that Plex refused the token, before any tool call, keeping stdout for JSON-RPC', async () => {
    const plex = await plexScene();
    const wrongToken = 'wrong-tok-Hx93kQpz7L';
    const server = await startBuiltServer({
      args: [],
      env: plex.env({ PLEX_TOKEN: wrongToken }),
      ready: /refused the token/,
    });
    try {
      // Nothing was asked yet: the check ran on its own, and wrote nothing to stdout.
      expect(server.output.stdout).toBe('');
      expect(server.output.stderr).toContain('plex-mcp-server login');
      expect(server.output.stderr).not.toContain(wrongToken);
      // Still serving: a refused token is logged, not fatal.
      const messages = [
        {
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: {
            protocolVersion: '2025-06-18',
            capabilities: {},
            clientInfo: { name: 'e2e', version: '1' },
          },
        },
        { jsonrpc: '2.0', method: 'notifications/initialized' },
        { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      ];
      for (const message of messages) server.child.stdin.write(`${JSON.stringify(message)}\n`);
      await expect
        .poll(() => server.output.stdout.split('\n').filter(Boolean).length, { timeout: 20_000 })
        .toBe(2);
      const replies = server.output.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
      expect(replies.map((reply) => [reply.jsonrpc, reply.id])).toEqual([
        ['2.0', 1],
        ['2.0', 2],
      ]);
      expect(replies[1].result.tools.length).toBeGreaterThan(50);
    } finally {
      server.child.stdin.end();
      await server.stop();
      await plex.close();
    }
  }, 60_000);

  it('narrows the tools with --read-only and --toolsets', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      cwd: WORK_DIR,
      args: [cli, '--demo', '--read-only', '--toolsets', 'library,server'],
      env: { PATH: process.env.PATH ?? '' },
      // Piped (and left unread) so the server's start line stays out of the test report.
      stderr: 'pipe',
    });
    const client = new Client({ name: 'e2e', version: '1.0.0' });
    await client.connect(transport);
    const { tools } = await client.listTools();
    for (const tool of tools) {
      expect(tool.name).toMatch(/^(library|server)_/);
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }
    await client.close();
  }, 30_000);

  it('logs to stderr at the level asked for (--debug, --log-level, PLEX_MCP_LOG_LEVEL)', async () => {
    const session = async (args: string[], env: Record<string, string> = {}) => {
      const transport = new StdioClientTransport({
        command: process.execPath,
        cwd: WORK_DIR,
        args: [cli, '--demo', ...args],
        env: { PATH: process.env.PATH ?? '', ...env },
        stderr: 'pipe',
      });
      let stderr = '';
      transport.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const client = new Client({ name: 'e2e', version: '1.0.0' });
      await client.connect(transport);
      await client.callTool({
        name: 'media_get_details',
        arguments: { media: 'Sherlock Holmes' },
      });
      await client.close();
      return stderr;
    };
    const debug = await session(['--debug']);
    expect(debug).toContain('[debug] config: transport=stdio demo=true');
    expect(debug).toContain('[debug] media_get_details failed: AMBIGUOUS');
    expect(debug).toContain('serving the demo library over stdio');
    expect(debug).not.toContain('plex-emulator-token');
    const quiet = await session([], { PLEX_MCP_LOG_LEVEL: 'error' });
    expect(quiet).toBe('');
  }, 30_000);

  it('explains missing configuration on stderr and exits 2, printing nothing on stdout', async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('PLEX_URL is not set');
    expect(stderr).toContain('PLEX_TOKEN is not set. Run `plex-mcp-server login` to get one');
    expect(stderr).toContain('--demo tries it without a Plex server.');
  });

  it('names only the missing setting', async () => {
    const { code, stderr } = await run([], { PLEX_URL: 'http://127.0.0.1:32400' });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'plex-mcp-server: PLEX_TOKEN is not set. Run `plex-mcp-server login` to get one, or set PLEX_TOKEN (environment, .env or --plex-token); --demo tries it without a Plex server.\n',
    );
  });

  it('prints its version on stdout with --version and -v, and reports it in initialize', async () => {
    const { version } = JSON.parse(readFileSync(join(cli, '../../package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-v']) {
      const { code, stdout, stderr } = await run([flag]);
      expect(code).toBe(0);
      expect(stdout).toBe(`${version}\n`);
      expect(stderr).toBe('');
    }
    const transport = new StdioClientTransport({
      command: process.execPath,
      cwd: WORK_DIR,
      args: [cli, '--demo'],
      env: { PATH: process.env.PATH ?? '' },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'e2e', version: '1.0.0' });
    await client.connect(transport);
    expect(client.getServerVersion()).toMatchObject({ name: 'plexmcp', version });
    await client.close();
  }, 30_000);

  it('keeps --help off stdout when stdout is not a terminal', async () => {
    const { code, stdout, stderr } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: plex-mcp-server [options]');
    expect(stderr).toContain('-v, --version');
    expect(stderr).toContain('login [--dotenv <path>]');
  });

  it('says a taken port is taken and how to pick another, exiting 1', async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const { code, stdout, stderr } = await run([
        '--demo',
        '--transport',
        'http',
        '--port',
        String(port),
      ]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      // The last word, and no stack trace before it.
      expect(stderr.split('\n').slice(-2)).toEqual([
        `plex-mcp-server: Port ${port} is already in use (another plex-mcp-server, or another program). Pick another with --port <n> or PLEX_MCP_PORT.`,
        '',
      ]);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 30_000);

  it.skipIf(!hasScript)(
    'started by hand in a terminal, says it waits for an MCP client and how to try HTTP',
    async () => {
      // util-linux `script` gives the server a pseudo-terminal for stdin, stdout and stderr.
      const child = spawn('script', ['-qfec', `${process.execPath} ${cli} --demo`, '/dev/null'], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '', TERM: 'dumb' },
        cwd: WORK_DIR,
        detached: true,
      });
      let seen = '';
      const exited = new Promise((resolve) => child.on('exit', resolve));
      try {
        await new Promise<void>((resolve, reject) => {
          child.stdout.on('data', (chunk: Buffer) => {
            seen += chunk.toString();
            if (seen.includes('--transport http instead')) resolve();
          });
          void exited.then(() => reject(new Error(`exited: ${seen}`)));
        });
      } finally {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      expect(seen).toContain('waiting for an MCP client on stdin');
      expect(seen).toContain('run with --transport http instead');
    },
    30_000,
  );

  it('names bad values', async () => {
    const { code, stderr } = await run(['--demo', '--access', 'admin', '--toolsets', 'music']);
    expect(code).toBe(2);
    expect(stderr).toContain('access must be read, write or delete');
    expect(stderr).toContain('toolsets must be a comma list of');
  });

  it('serves HTTP with --transport http and prints the URL on stderr', async () => {
    const child = spawn(process.execPath, [cli, '--demo', '--transport', 'http', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '' },
      cwd: WORK_DIR,
    });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /over HTTP at (http:\/\/127\.0\.0\.1:\d+)\/mcp/.exec(stderr);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`exited: ${stderr}`)));
    });
    const tools = (await (await fetch(`${url}/tools`)).json()) as { name: string }[];
    expect(tools.map((tool) => tool.name)).toContain('media_search');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('loopback only');
    expect(stderr).toContain(`MCP URL:     ${url}/mcp`);
    expect(stderr).toContain(`curl -s ${url}/tools`);
    expect(stderr).toContain(`"url": "${url}/mcp"`);
  }, 30_000);

  it('with keys, prints examples that carry a key placeholder (never a real key) and work with one', async () => {
    const key = 'cli-demo-key-0123456789-abcdefghijkl';
    const server = await startBuiltHttpServer({ args: ['--demo', '--api-key', key] });
    try {
      for (let i = 0; i < 100 && !server.output.stderr.includes('Stop with Ctrl-C'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const banner = server.output.stderr;
      expect(banner).toContain(`curl -s -H 'X-API-KEY: <your API key>' ${server.url}/tools`);
      expect(banner).toContain('"X-API-KEY": "<your API key>"');
      expect(banner).not.toContain(key);
      // What the banner shows works once the placeholder is filled in.
      const listing = await fetch(`${server.url}/tools`, { headers: { 'X-API-KEY': key } });
      expect(listing.status).toBe(200);
      expect((await fetch(`${server.url}/tools`)).status).toBe(401);
    } finally {
      await server.stop();
    }
  }, 30_000);

  it('with --demo-organization, prints the Demo organization admin key, which works, and leaves nothing behind', async () => {
    const server = await startBuiltHttpServer({ args: ['--demo', '--demo-organization'] });
    let dataDir = '';
    try {
      await expect
        .poll(() => server.output.stderr, { timeout: 5000 })
        .toContain('Stop with Ctrl-C');
      const banner = server.output.stderr;
      const key = /Admin key: +(\S+)/.exec(banner)?.[1] ?? '';
      expect(key).toMatch(/^plexmcp_/);
      expect(banner).toContain('throwaway key');
      expect(banner).toContain(`"X-API-KEY": "${key}"`);
      // The throwaway admin key is printed; the demo Plex's token (a Plex token) never is.
      expect(banner).toContain('/api/v2/pins/link?code=<code>');
      expect(banner).not.toContain('plex-emulator-token');
      dataDir = /platform data: SQLite at (\S+)\/plexmcp\.db/.exec(banner)?.[1] ?? '';
      expect(statSync(dataDir).isDirectory()).toBe(true);
      const organization = await fetch(`${server.url}/v1/organization`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(organization.status).toBe(200);
      expect(await organization.json()).toMatchObject({ success: true, data: { name: 'Demo' } });
      expect((await fetch(`${server.url}/tools`, { headers: { 'X-API-KEY': key } })).status).toBe(
        200,
      );
      // A key now exists, so the demo no longer serves anyone without one.
      const anonymous = await fetch(`${server.url}/mcp`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      expect(anonymous.status).toBe(401);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    // The throwaway database went with the process.
    expect(() => statSync(dataDir)).toThrow();
  }, 30_000);

  it('refuses --demo-organization outside the HTTP demo, exiting 2', async () => {
    const { code, stderr } = await run(['--demo', '--demo-organization']);
    expect(code).toBe(2);
    expect(stderr).toContain('--demo-organization goes with --demo --transport http');
  });

  it('generate-key prints a fresh key the server accepts', async () => {
    const first = await run(['generate-key']);
    const second = await run(['generate-key']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^[A-Za-z0-9_-]{43}\n$/);
    expect(second.stdout).not.toBe(first.stdout);
    const { code, stderr } = await run([
      '--demo',
      '--transport',
      'http',
      '--api-key',
      first.stdout.trim(),
      '--port',
      '70000',
    ]);
    // It got past the key check to the next setting.
    expect(code).toBe(2);
    expect(stderr).toContain('PLEX_MCP_PORT must be between 0 and 65535');
  });

  it('refuses a non-loopback HTTP host without API keys when none can ever be made', async () => {
    // --demo without a data directory keeps its database in memory: no key could ever exist.
    const { code, stderr } = await run(['--demo', '--transport', 'http', '--host', '0.0.0.0'], {
      PLEXMCP_DATA_DIR: '',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('Refusing to listen on 0.0.0.0 without API keys');
  });
});

/** An emulated plex.tv, a scratch folder, and the login command started against them. */
async function loginScene() {
  const emulator = createPlexEmulator();
  const served = await emulator.listen({ port: 0, host: '127.0.0.1' });
  const dir = mkdtempSync(join(tmpdir(), 'plexmcp-login-'));
  const start = (args: string[]) => {
    const child = spawn(process.execPath, [cli, 'login', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', PLEX_TV_URL: served.plexTvUrl },
      cwd: dir,
    });
    const output = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => {
      output.stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output.stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    /** Resolves with the first match of `pattern` on stderr; rejects if the process ends first. */
    const waitFor = (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output.stderr);
          if (match) resolve(match);
        };
        child.stderr.on('data', check);
        check();
        void exited.then(() => reject(new Error(`exited: ${output.stderr}`)));
      });
    return { child, output, exited, waitFor };
  };
  const cleanup = async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { emulator, served, dir, start, cleanup };
}

describe('plex-mcp-server login', () => {
  it('runs the PIN flow against plex.tv and writes only the PLEX_TOKEN line, 0600', async () => {
    const scene = await loginScene();
    const envFile = join(scene.dir, 'plex.env');
    writeFileSync(envFile, 'PLEX_URL=http://127.0.0.1:32400\nPLEX_TOKEN=old-token\n# keep me\n', {
      mode: 0o644,
    });
    try {
      const login = scene.start(['--dotenv', envFile]);
      const [, code] = await login.waitFor(/enter the code (\S+)/);
      const linked = await fetch(`${scene.served.plexTvUrl}/api/v2/pins/link`, {
        method: 'PUT',
        headers: {
          'X-Plex-Token': scene.emulator.token,
          'X-Plex-Client-Identifier': 'browser',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: `code=${code}`,
      });
      expect(linked.ok).toBe(true);
      expect(await login.exited).toBe(0);
      expect(readFileSync(envFile, 'utf8')).toBe(
        `PLEX_URL=http://127.0.0.1:32400\nPLEX_TOKEN=${scene.emulator.token}\n# keep me\n`,
      );
      expect(statSync(envFile).mode & 0o777).toBe(0o600);
      expect(login.output.stderr).toContain(`Wrote PLEX_TOKEN to ${envFile}`);
      expect(login.output.stderr + login.output.stdout).not.toContain(scene.emulator.token);
    } finally {
      await scene.cleanup();
    }
  }, 30_000);

  it('answers the old --env-file spelling with the new --dotenv one, exiting 2', async () => {
    const scene = await loginScene();
    // Node 20 reads `--env-file` even after the script name and exits 9 ("not found") before
    // any of our code runs when the file is missing; with the file there, the server answers.
    const envFile = join(scene.dir, 'plex.env');
    writeFileSync(envFile, 'PLEX_URL=http://127.0.0.1:32400\n');
    try {
      const login = scene.start(['--env-file', envFile]);
      expect(await login.exited).toBe(2);
      expect(login.output.stderr).toContain(`plex-mcp-server login --dotenv ${envFile}`);
      expect(readFileSync(envFile, 'utf8')).toBe('PLEX_URL=http://127.0.0.1:32400\n');
    } finally {
      await scene.cleanup();
    }
  }, 30_000);

  it('gives up after --timeout without writing anything', async () => {
    const scene = await loginScene();
    try {
      const login = scene.start(['--timeout', '1']);
      expect(await login.exited).toBe(1);
      expect(login.output.stderr).toContain('Not approved within 1 s; nothing was written');
      expect(() => statSync(join(scene.dir, '.env'))).toThrow();
    } finally {
      await scene.cleanup();
    }
  }, 30_000);

  it('cancels on Ctrl-C without writing the default .env', async () => {
    const scene = await loginScene();
    try {
      const login = scene.start([]);
      await login.waitFor(/Ctrl-C/);
      login.child.kill('SIGINT');
      expect(await login.exited).toBe(130);
      expect(login.output.stderr).toContain('Cancelled; nothing was written.');
      expect(() => statSync(join(scene.dir, '.env'))).toThrow();
    } finally {
      await scene.cleanup();
    }
  }, 30_000);
});
