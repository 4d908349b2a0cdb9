import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyArgs,
  callTool,
  KEYS,
  type PlexTarget,
  plexTarget,
  rssKiB,
  SPAWN_TIMEOUT,
  startVictim,
  tinyPng,
  type Victim,
} from './attacker.js';
import { send } from './raw-http.js';

// Attack 1: a write-scoped key points file_path at files that never end or claim to be huge —
// /proc/self/pagemap (reads as terabytes of zeros), /dev/zero, /dev/urandom, a sparse 1 GiB
// "PNG" — ten at a time, to make the server buffer them until it dies.

const MiB = 1024;
const ALLOWED_GROWTH_KIB = 64 * MiB;

const dir = mkdtempSync(join(tmpdir(), 'plexmcp-atk-memory-'));
symlinkSync('/proc/self/pagemap', join(dir, 'pagemap.png'));
symlinkSync('/dev/zero', join(dir, 'zero.png'));
// A PNG signature, then a hole up to 1 GiB: cheap on disk, enormous to read.
writeFileSync(join(dir, 'huge.png'), tinyPng([0, 0, 0]));
truncateSync(join(dir, 'huge.png'), 1024 * 1024 * 1024);

const PATHS = [
  '/proc/self/pagemap',
  '../../../../../../../../proc/self/pagemap',
  '/proc/self/mem',
  '/dev/zero',
  '/dev/urandom',
  'pagemap.png',
  'zero.png',
  'huge.png',
  join(dir, 'huge.png'),
  '/proc/self/pagemap',
];

const CALLS = [
  { tool: 'media_set_artwork', args: { media: '1000', art_type: 'poster' } },
  { tool: 'playlist_upload_poster', args: { playlist: '1074' } },
];

let plex: PlexTarget;
const servers: Record<string, Victim> = {};

beforeAll(async () => {
  plex = await plexTarget();
  const args = [...apiKeyArgs([KEYS.write, 'write']), '--rate-limit', 'off'];
  const [withDir, withoutDir] = await Promise.all([
    startVictim([...args, '--upload-dir', dir], plex.env()),
    startVictim(args, plex.env()),
  ]);
  servers['with --upload-dir'] = withDir;
  servers['without --upload-dir'] = withoutDir;
}, SPAWN_TIMEOUT);

afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.stop()));
  await plex?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('attack 1: memory through endless files', { timeout: 15_000 }, () => {
  for (const mode of ['with --upload-dir', 'without --upload-dir']) {
    it(`refuses /proc/self/pagemap and friends ${mode}, 10 at a time, without growing`, async () => {
      const server = servers[mode] as Victim;
      // Warm up: the first call loads the tool code, which is not what is measured.
      await callTool(server.url, 'media_set_artwork', {
        ...CALLS[0]?.args,
        file_path: 'warm-up.png',
      });
      const before = rssKiB(server.pid);
      let peak = before;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          peak = Math.max(peak, rssKiB(server.pid));
          await sleep(20);
        }
      })();
      const plexBefore = plex.tap.requests.length;
      const answers = [];
      for (const { tool, args } of CALLS) {
        // Ten at once, every path, through both tools.
        answers.push(
          ...(await Promise.all(
            PATHS.map((path) =>
              callTool(server.url, tool, { ...args, file_path: path }, KEYS.write).then(
                (answer) => ({ tool, path, answer }),
              ),
            ),
          )),
        );
      }
      sampling = false;
      await sampler;
      peak = Math.max(peak, rssKiB(server.pid));

      for (const { tool, path, answer } of answers) {
        expect(answer.status, `${tool} ${path}: ${answer.text}`).toBe(400);
        expect(answer.json.error.code).toBe('INVALID_INPUT');
        expect(answer.json.error.message).toMatch(
          mode === 'with --upload-dir'
            ? /^Cannot use file_path ".+": it must be a readable PNG/
            : /has not named an upload directory/,
        );
      }
      expect(plex.tap.requests.length).toBe(plexBefore);
      expect(peak - before, `RSS ${before} KiB → peak ${peak} KiB`).toBeLessThan(
        ALLOWED_GROWTH_KIB,
      );
      const health = await send(`${server.url}/health`, { method: 'GET' });
      expect(health.status).toBe(200);
      expect(health.json).toEqual({ status: 'ok' });
    });
  }
});
