import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { npmProject } from './npm-project.js';
import { run, runOk } from './run.js';
import { manifest, PUBLISHED, packageDir } from './workspace.js';

/** Bytes of every file under `dir`, as `du -b` counts them. */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += bytesUnder(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/** The packages npm put in a node_modules folder (scoped ones as `@scope/name`). */
function packagesIn(nodeModules: string): string[] {
  return readdirSync(nodeModules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) =>
      name.startsWith('@')
        ? readdirSync(join(nodeModules, name)).map((inner) => `${name}/${inner}`)
        : [name],
    );
}

const MB = 1024 * 1024;

describe('what `npx -y @plexmcp/mcp-server` installs', () => {
  const tarballs = inject('tarballs');
  const scratch = inject('scratch');

  it('is the one self-contained package, under 10 MB on disk (recorded in the README)', async () => {
    const dir = await npmProject(join(scratch, 'footprint'), [tarballs['mcp-server']]);
    expect(packagesIn(join(dir, 'node_modules'))).toEqual(['@plexmcp/mcp-server']);

    // The binary's source maps are for debugging a checkout; they would be 3.6 MB of the install.
    const shipped = readdirSync(join(dir, 'node_modules/@plexmcp/mcp-server/dist'), {
      recursive: true,
    });
    expect(
      shipped.map(String).filter((file) => file.startsWith('cli') && file.endsWith('.map')),
    ).toEqual([]);

    const bytes = bytesUnder(join(dir, 'node_modules'));
    expect(bytes).toBeLessThan(10 * MB);
    // The README states the figure to a tenth of a MB; a change that moves it must update it.
    const readme = readFileSync(`${packageDir('mcp-server')}/README.md`, 'utf8');
    const stated = /installs (\d+(?:\.\d)?) MB/.exec(readme);
    expect(stated, 'the README states the install size as "installs N MB"').not.toBeNull();
    expect(Math.abs(Number(stated?.[1]) - bytes / MB)).toBeLessThanOrEqual(0.3);

    const version = await runOk(
      process.execPath,
      [join(dir, 'node_modules/@plexmcp/mcp-server/bin/plex-mcp-server.js'), '--version'],
      { cwd: dir },
    );
    expect(version.stdout.trim()).toBe(manifest(packageDir('mcp-server')).version);
  });

  it('runs through npm exec (npx) straight from the tarball', async () => {
    const result = await run(
      'npm',
      [
        'exec',
        '--yes',
        `--package=${tarballs['mcp-server']}`,
        '--',
        'plex-mcp-server',
        '--version',
      ],
      { cwd: scratch, env: { npm_config_loglevel: 'error' } },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(manifest(packageDir('mcp-server')).version);
  });
});

describe('every tarball', () => {
  const tarballs = inject('tarballs');

  it.each(PUBLISHED)(
    '%s carries LICENSE, README and its built entry, and no sources or tests',
    async (name) => {
      const { stdout } = await runOk('tar', ['tzf', tarballs[name]], { cwd: packageDir(name) });
      const files = stdout.trim().split('\n');
      expect(files).toEqual(
        expect.arrayContaining([
          'package/LICENSE',
          'package/README.md',
          'package/package.json',
          'package/dist/index.js',
        ]),
      );
      expect(files.filter((file) => file.includes('/src/') || file.endsWith('.test.js'))).toEqual(
        [],
      );
    },
  );
});
