import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The parts of a Plex answer these tests read. */
type PlexJson = { MediaContainer: Record<string, unknown> & { size: number } };

const outDir = mkdtempSync(join(tmpdir(), 'plex-emulator-cli-'));
const cli = join(outDir, 'cli.js');

beforeAll(async () => {
  // Build the bin exactly as published (bundled ESM), into a scratch folder.
  await build({
    entry: [fileURLToPath(new URL('./cli.ts', import.meta.url))],
    outDir,
    format: ['esm'],
    target: 'node20',
    silent: true,
    config: false,
  });
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Starts the CLI and resolves with its first stdout line and the process. */
function start(args: string[]): Promise<{ child: ChildProcess; firstLine: string }> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve({ child, firstLine: out.slice(0, newline) });
    });
    child.on('exit', (code) => reject(new Error(`exited early with ${code}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('plex-emulator bin', () => {
  it('prints its URL once ready, serves the demo library, and stops on SIGTERM', async () => {
    const { child, firstLine } = await start(['--port', '0', '--token', 'cli-token']);
    expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${firstLine}/library/sections`, {
      headers: { Accept: 'application/json', 'X-Plex-Token': 'cli-token' },
    });
    expect(((await response.json()) as PlexJson).MediaContainer.size).toBe(3);
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('builds a synthetic library from --library and --seed', async () => {
    const { child, firstLine } = await start([
      '--port',
      '0',
      '--library',
      'synthetic:500',
      '--seed',
      '9',
    ]);
    const response = await fetch(`${firstLine}/library/sections/1/all?X-Plex-Container-Size=0`, {
      headers: { Accept: 'application/json', 'X-Plex-Token': 'plex-emulator-token' },
    });
    expect(((await response.json()) as PlexJson).MediaContainer.totalSize).toBe(300);
    const exited = exitOf(child);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('rejects bad options with a message and exit code 2', async () => {
    const child = spawn(process.execPath, [cli, '--library', 'huge'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    expect(await exitOf(child)).toBe(2);
    expect(stderr).toContain('--library must be demo, empty or synthetic:<N>; got "huge"');
  });
});
