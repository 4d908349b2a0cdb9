import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalFilePolicy } from '../context.js';
import { type ToolHarness, toolHarness } from '../testing/harness.js';

/** A 1×1 PNG: signature and IHDR. */
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
  0, 0, 0, 1, 8, 2, 0, 0, 0,
]);

/** The one refusal every unusable file gets, whatever the reason. */
const refusal = (path: string, inDir: boolean) =>
  `Cannot use file_path "${path}": it must be a readable PNG, JPEG, GIF or WebP file of at most 20 MiB${inDir ? ', inside the upload directory' : ''}.`;

/** The two tools that read local files, each with arguments that address a real target. */
const TOOLS = [
  ['media_set_artwork', { media_id: 1002, art_type: 'poster' }],
  ['playlist_upload_poster', { playlist: '1074' }],
] as const;

let root: string;
let uploads: string;
let outside: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexmcp-local-image-'));
  uploads = join(root, 'uploads');
  outside = join(root, 'outside');
  await mkdir(join(uploads, 'folder'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(uploads, 'poster.png'), PNG);
  // Secrets with an image's name: the extension proves nothing.
  await writeFile(join(uploads, 'secrets.jpg'), 'PLEX_TOKEN=hunter2\n');
  await writeFile(join(uploads, 'empty.png'), '');
  await writeFile(join(uploads, 'huge.png'), PNG);
  await truncate(join(uploads, 'huge.png'), 20 * 1024 * 1024 + 1);
  // A real image outside the directory, reachable by a link inside it.
  await writeFile(join(outside, 'private.png'), PNG);
  await symlink(join(outside, 'private.png'), join(uploads, 'link.png'));
  await symlink(outside, join(uploads, 'door'));
  if (process.platform !== 'win32') execFileSync('mkfifo', [join(uploads, 'pipe.png')]);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A harness that keeps every request the client sends and the bodies of uploads. */
function recording(): { h: ToolHarness; requests: Request[]; bodies: Uint8Array[] } {
  const requests: Request[] = [];
  const bodies: Uint8Array[] = [];
  const h: ToolHarness = toolHarness(
    {},
    {
      fetch: async (input, init) => {
        const request = new Request(input, init);
        requests.push(request);
        if (request.method === 'POST')
          bodies.push(new Uint8Array(await request.clone().arrayBuffer()));
        return h.emulator.fetch(request);
      },
    },
  );
  return { h, requests, bodies };
}

const withPolicy = (localFiles: LocalFilePolicy | undefined) => ({
  config: localFiles === undefined ? {} : { localFiles },
});

describe.each(TOOLS)('%s with file_path', (tool, target) => {
  it('refuses every unusable file inside an upload directory with the same words, asking Plex nothing', async () => {
    const { h, requests } = recording();
    const policy = { dir: uploads };
    const paths = [
      'secrets.jpg',
      'link.png',
      'door/private.png',
      '../outside/private.png',
      join(outside, 'private.png'),
      'folder',
      'missing.png',
      'empty.png',
      'huge.png',
      ...(process.platform === 'win32' ? [] : ['pipe.png']),
    ];
    for (const file_path of paths) {
      const result = await h.call(tool, { ...target, file_path }, withPolicy(policy));
      expect(result, file_path).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: refusal(file_path, true) },
      });
    }
    expect(requests).toHaveLength(0);
  });

  it('uploads a real image inside the directory: Plex receives its very bytes', async () => {
    const { h, bodies } = recording();
    for (const file_path of ['poster.png', join(uploads, 'poster.png')]) {
      const result = await h.call(tool, { ...target, file_path }, withPolicy({ dir: uploads }));
      expect(result, file_path).toMatchObject({ ok: true, data: { source: 'file' } });
    }
    expect(bodies).toEqual([PNG, PNG]);
  });

  it("says the operator named no upload directory when local files are 'off'", async () => {
    const { h, requests } = recording();
    const result = await h.call(
      tool,
      { ...target, file_path: join(uploads, 'poster.png') },
      withPolicy('off'),
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'This server does not read local files: its operator has not named an upload directory. Give the image as url instead.',
        details: { local_files: 'off' },
      },
    });
    expect(requests).toHaveLength(0);
  });

  it('reads an image anywhere by default, but still only real images', async () => {
    const { h, bodies } = recording();
    expect(
      await h.call(
        tool,
        { ...target, file_path: join(outside, 'private.png') },
        withPolicy(undefined),
      ),
    ).toMatchObject({ ok: true, data: { source: 'file' } });
    expect(bodies).toEqual([PNG]);
    for (const file_path of [join(uploads, 'secrets.jpg'), join(uploads, 'missing.png'), uploads]) {
      expect(await h.call(tool, { ...target, file_path }, withPolicy(undefined))).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: refusal(file_path, false) },
      });
    }
  });

  it('refuses /proc files quickly, without growing the process', { timeout: 20_000 }, async () => {
    const { h, requests } = recording();
    // pagemap reports size 0 and yields 8 bytes per page of address space: reading it whole
    // grew the process by hundreds of MiB a second.
    for (const file_path of ['/proc/self/pagemap', '/proc/self/maps', '/dev/zero']) {
      const before = process.memoryUsage().rss;
      const result = await h.call(tool, { ...target, file_path }, withPolicy('anywhere'));
      expect(result, file_path).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: refusal(file_path, false) },
      });
      expect(process.memoryUsage().rss - before, file_path).toBeLessThan(64 * 1024 * 1024);
    }
    expect(requests).toHaveLength(0);
  });
});
