import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * What every published tarball carries, checked for all packages at once: the licence, where the
 * code lives, and a library build of the server that imports our packages instead of copying them.
 */

const PACKAGES = ['mcp-server', 'plex-client', 'plex-emulator', 'plex-tools', 'sdk'] as const;
const REPO = 'git+https://github.com/plexmcp/plexmcp.git';

const root = (path: string): string => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

interface PackageJson {
  name: string;
  license?: string;
  files?: string[];
  keywords?: string[];
  repository?: { type?: string; url?: string; directory?: string };
  homepage?: string;
  bugs?: string | { url?: string };
}

function manifest(pkg: string): PackageJson {
  return JSON.parse(readFileSync(root(`packages/${pkg}/package.json`), 'utf8')) as PackageJson;
}

describe.each(PACKAGES)('packages/%s', (pkg) => {
  it('says where its code, home page and issues are, with keywords', () => {
    const json = manifest(pkg);
    expect(json.license).toBe('MIT');
    expect(json.repository).toEqual({ type: 'git', url: REPO, directory: `packages/${pkg}` });
    expect(json.homepage).toBe(
      `https://github.com/plexmcp/plexmcp/tree/main/packages/${pkg}#readme`,
    );
    const bugs = typeof json.bugs === 'string' ? json.bugs : json.bugs?.url;
    expect(bugs).toBe('https://github.com/plexmcp/plexmcp/issues');
    expect(json.keywords).toEqual(expect.arrayContaining(['plex', 'plex-media-server']));
  });

  it('ships the MIT licence in its tarball', () => {
    const licence = readFileSync(root(`packages/${pkg}/LICENSE`), 'utf8');
    expect(licence).toBe(readFileSync(root('LICENSE'), 'utf8'));
    expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) 2026 plexmcp contributors\n/);
    // npm packs LICENSE whatever `files` says; listing it keeps that visible.
    expect(manifest(pkg).files).toContain('LICENSE');
  });
});

/** Builds `pkg` unless its dist is newer than its build config (tests need no build first). */
function built(pkg: string): (path: string) => string {
  const at = (path: string): string => root(`packages/${pkg}/${path}`);
  const index = at('dist/index.js');
  if (!existsSync(index) || statSync(index).mtimeMs < statSync(at('tsup.config.ts')).mtimeMs) {
    execFileSync('pnpm', ['--filter', `@plexmcp/${pkg}`, 'build'], {
      cwd: root(''),
      stdio: 'ignore',
    });
  }
  return at;
}

describe('library builds', () => {
  it('mcp-server imports plex-client and plex-tools from their packages', () => {
    const index = readFileSync(built('mcp-server')('dist/index.js'), 'utf8');
    expect(index).toMatch(/^import \{[^}]*\} from "@plexmcp\/plex-client";$/m);
    expect(index).toMatch(/^import \{[^}]*\} from "@plexmcp\/plex-tools";$/m);
    // Their code is not copied in: a second copy is what made a client's errors unrecognisable.
    expect(index).not.toMatch(/class PlexError\b/);
    expect(index).not.toMatch(/function createPlexClient\b/);
    expect(index).not.toMatch(/function toToolError\b/);
    expect(index).not.toMatch(/function defineTool\b/);
  }, 180_000);

  it('plex-tools imports plex-client from its package', () => {
    const index = readFileSync(built('plex-tools')('dist/index.js'), 'utf8');
    expect(index).toMatch(/^import \{[^}]*\} from "@plexmcp\/plex-client";$/m);
    expect(index).not.toMatch(/class PlexError\b/);
    expect(index).not.toMatch(/function createPlexClient\b/);
  }, 180_000);

  it('keeps the mcp-server binary one self-contained bundle', () => {
    const server = built('mcp-server');
    const chunks = readdirSync(server('dist/cli')).filter((name) => name.endsWith('.js'));
    for (const file of ['dist/cli.js', ...chunks.map((name) => `dist/cli/${name}`)]) {
      expect(readFileSync(server(file), 'utf8')).not.toMatch(/from\s*["']@plexmcp\//);
    }
  }, 180_000);
});
