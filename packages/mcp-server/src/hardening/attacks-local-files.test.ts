import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyArgs,
  callTool,
  KEYS,
  openSession,
  type PlexTarget,
  plexTarget,
  rpc,
  SPAWN_TIMEOUT,
  startVictim,
  tinyPng,
  type Victim,
} from './attacker.js';

// Attack 3: a write-scoped key makes the server read local files it should not (a text file
// dressed as a JPEG, a link to /etc/passwd, a path out of the upload directory, a directory) and
// maps the filesystem by the differences between the refusals.

const PLAYLIST = '1074'; // "Piano Evenings", the owner's playlist in the demo library
const MOVIE = '1000'; // "Night of the Living Dead"
const COLOR = [0x12, 0xab, 0x34] as const;
const PNG = tinyPng(COLOR);
const SECRET = 'TOP-SECRET-NOT-AN-IMAGE';

const root = mkdtempSync(join(tmpdir(), 'plexmcp-atk-files-'));
const uploads = join(root, 'uploads');
mkdirSync(join(uploads, 'sub'), { recursive: true });
writeFileSync(join(uploads, 'poster.png'), PNG);
writeFileSync(join(uploads, 'sub', 'inner.png'), PNG);
writeFileSync(join(uploads, 'secret.jpg'), `${SECRET}\n`);
symlinkSync('/etc/passwd', join(uploads, 'link.png'));
// A real image outside the directory: only the directory rule can refuse it.
writeFileSync(join(root, 'outside.png'), tinyPng([1, 2, 3]));
symlinkSync(join(root, 'outside.png'), join(uploads, 'inside-link.png'));
// A link to a folder outside, a link to itself, and a FIFO (opening one must not wait).
symlinkSync(root, join(uploads, 'dir-link'));
symlinkSync('loop.png', join(uploads, 'loop.png'));
execFileSync('mkfifo', [join(uploads, 'pipe.png')]);

/** Paths that must all be refused with one message (the path aside). */
const REFUSED = [
  'secret.jpg',
  'link.png',
  'inside-link.png',
  '../outside.png',
  join(root, 'outside.png'),
  '/etc/passwd',
  'missing.png',
  join(uploads, 'missing.png'),
  'sub',
  'sub/',
  join(uploads, 'sub'),
  '.',
  '/',
  'dir-link/outside.png',
  'loop.png',
  'pipe.png',
  'poster.png\u0000',
  '%2e%2e/outside.png',
  'file:///etc/passwd',
  `${'../'.repeat(20)}etc/passwd`,
  `${'x'.repeat(5000)}.png`,
];

/** The two tools that read file_path, addressed at a target they may change. */
const TOOLS = [
  { tool: 'playlist_upload_poster', args: { playlist: PLAYLIST } },
  { tool: 'media_set_artwork', args: { media: MOVIE, art_type: 'poster' } },
];

let plex: PlexTarget;
let withDir: Victim;
let withoutDir: Victim;

beforeAll(async () => {
  plex = await plexTarget();
  const args = [...apiKeyArgs([KEYS.write, 'write'], [KEYS.read, 'read']), '--rate-limit', 'off'];
  [withDir, withoutDir] = await Promise.all([
    startVictim([...args, '--upload-dir', uploads], plex.env()),
    startVictim(args, plex.env()),
  ]);
}, SPAWN_TIMEOUT);

afterAll(async () => {
  await Promise.all([withDir?.stop(), withoutDir?.stop()]);
  await plex?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Calls a tool and answers what it got and how many requests Plex received meanwhile. */
async function attempt(server: Victim, tool: string, args: Record<string, unknown>) {
  const before = plex.tap.requests.length;
  const answer = await callTool(server.url, tool, args, KEYS.write);
  return { answer, plexRequests: plex.tap.requests.slice(before) };
}

describe('attack 3: local files through file_path', { timeout: 15_000 }, () => {
  it('uploads a real PNG from inside --upload-dir, and Plex receives exactly its bytes', async () => {
    for (const path of ['poster.png', join(uploads, 'poster.png'), 'sub/inner.png']) {
      for (const { tool, args } of TOOLS) {
        const { answer, plexRequests } = await attempt(withDir, tool, { ...args, file_path: path });
        expect(answer.status, `${tool} ${path}: ${answer.text}`).toBe(200);
        expect(answer.json).toMatchObject({ success: true, result: { source: 'file' } });
        const uploaded = plexRequests.filter((request) => request.body.length > 0);
        expect(uploaded.map((request) => request.method)).toEqual(['POST']);
        expect(uploaded[0]?.path).toMatch(/\/posters/);
        expect(Buffer.compare(uploaded[0]?.body ?? Buffer.alloc(0), PNG)).toBe(0);
      }
    }
    // The emulator paints a playlist's poster in the uploaded PNG's first pixel.
    expect(plex.emulator.state.playlists.get(PLAYLIST)?.thumbColor).toBe('#12ab34');
  });

  it('refuses every other file with one byte-identical message and never asks Plex', async () => {
    const messages = new Set<string>();
    for (const path of REFUSED) {
      for (const { tool, args } of TOOLS) {
        const { answer, plexRequests } = await attempt(withDir, tool, { ...args, file_path: path });
        expect(answer.status, `${tool} ${path}: ${answer.text}`).toBe(400);
        expect(answer.json.error.code).toBe('INVALID_INPUT');
        const message: string = answer.json.error.message;
        expect(message).toContain(`"${path}"`);
        messages.add(message.replace(`"${path}"`, '"<path>"'));
        // The file is read (and refused) before Plex is asked anything.
        expect(plexRequests, `${tool} ${path}`).toEqual([]);
      }
    }
    expect([...messages]).toEqual([
      'Cannot use file_path "<path>": it must be a readable PNG, JPEG, GIF or WebP file of at most 20 MiB, inside the upload directory.',
    ]);
  });

  it('answers the same refusal over MCP, as an error result', async () => {
    const session = await openSession(withDir.url, KEYS.write);
    for (const path of ['link.png', 'missing.png']) {
      const answer = await rpc(withDir.url, session, 'tools/call', {
        name: 'media_set_artwork',
        arguments: { media: MOVIE, art_type: 'poster', file_path: path },
      });
      expect(answer.status).toBe(200);
      expect(answer.json.result.isError).toBe(true);
      expect(answer.json.result.structuredContent).toBeUndefined();
      expect(answer.json.result.content[0].text).toBe(
        `INVALID_INPUT: Cannot use file_path "${path}": it must be a readable PNG, JPEG, GIF or WebP file of at most 20 MiB, inside the upload directory.`,
      );
    }
  });

  it('without --upload-dir refuses every file_path, the good PNG too, with the no-directory message', async () => {
    const messages = new Set<string>();
    for (const path of [join(uploads, 'poster.png'), 'poster.png', ...REFUSED]) {
      for (const { tool, args } of TOOLS) {
        const { answer, plexRequests } = await attempt(withoutDir, tool, {
          ...args,
          file_path: path,
        });
        expect(answer.status, `${tool} ${path}: ${answer.text}`).toBe(400);
        expect(answer.json.error.code).toBe('INVALID_INPUT');
        messages.add(answer.json.error.message);
        expect(plexRequests, `${tool} ${path}`).toEqual([]);
      }
    }
    expect([...messages]).toEqual([
      'This server does not read local files: its operator has not named an upload directory. Give the image as url instead. (The operator names one with --upload-dir or PLEX_MCP_UPLOAD_DIR.)',
    ]);
  });

  it('a read-only key cannot reach the file-reading tools at all', async () => {
    const answer = await callTool(
      withDir.url,
      'playlist_upload_poster',
      { playlist: PLAYLIST, file_path: 'poster.png' },
      KEYS.read,
    );
    expect(answer.status).toBe(403);
    expect(answer.json.error.code).toBe('FORBIDDEN');
  });

  it('never sent Plex anything read from outside the directory', () => {
    const sent = Buffer.concat(plex.tap.requests.map((request) => request.body)).toString('latin1');
    expect(sent).not.toContain('root:');
    expect(sent).not.toContain(SECRET);
    // Only the good PNG was ever uploaded (3 paths × 2 tools with the directory).
    const bodies = plex.tap.requests.filter((request) => request.body.length > 0);
    expect(bodies).toHaveLength(6);
    for (const upload of bodies) expect(Buffer.compare(upload.body, PNG)).toBe(0);
  });
});
