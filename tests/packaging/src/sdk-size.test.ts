// The SDK's size budget, measured on the installed tarball the way an app's bundler sees it:
// each entry below bundled for the browser and minified by tsup (esbuild), then gzipped. A
// browser build also proves the main entry needs no Node built-in (`node:*` would not resolve).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
// The repository's own build tool (a root devDependency), here as an app's bundler.
import { build } from 'tsup';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { packageDir } from './workspace.js';

const project = inject('project');

/** What an app imports, by the name the README gives each figure. */
const ENTRIES = {
  'createPlexMcpClient alone': "export { createPlexMcpClient } from '@plexmcp/sdk';",
  'createPlexMcpPlatform alone': "export { createPlexMcpPlatform } from '@plexmcp/sdk';",
  'the whole main entry': "export * from '@plexmcp/sdk';",
} as const;
type Entry = keyof typeof ENTRIES;

/** The budget of issue 17: the main entry with the platform client under 6 kB min+gz. */
const BUDGET_BYTES = 6_000;

const measured = {} as Record<Entry, { minified: number; gzipped: number }>;

beforeAll(async () => {
  // Inside the project, so `@plexmcp/sdk` resolves to the installed tarball.
  const dir = join(project, 'size');
  mkdirSync(dir, { recursive: true });
  const names = Object.keys(ENTRIES) as Entry[];
  const files = names.map((_, index) => `entry-${index}`);
  names.forEach((name, index) => {
    writeFileSync(join(dir, `${files[index]}.mjs`), `${ENTRIES[name]}\n`);
  });
  await build({
    entry: Object.fromEntries(files.map((file) => [file, join(dir, `${file}.mjs`)])),
    outDir: join(dir, 'out'),
    format: ['esm'],
    // The same name whatever package.json the working directory has.
    outExtension: () => ({ js: '.js' }),
    platform: 'browser',
    // Pinned, so the figures do not follow whichever tsconfig.json the working directory has.
    target: 'es2022',
    minify: true,
    splitting: false,
    sourcemap: false,
    dts: false,
    // Bundle the SDK itself, as an app does; no tsup.config of the project's.
    noExternal: [/.*/],
    config: false,
    silent: true,
  });
  names.forEach((name, index) => {
    const code = readFileSync(join(dir, 'out', `${files[index]}.js`));
    measured[name] = { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
  });
}, 60_000);

describe("@plexmcp/sdk's main entry, bundled for a browser", () => {
  it('stays under 6 kB minified and gzipped with the platform client', () => {
    expect(measured['the whole main entry'].gzipped).toBeLessThan(BUDGET_BYTES);
  });

  it('tree-shakes: the REST client leaves the platform client out', () => {
    const rest = measured['createPlexMcpClient alone'];
    const platform = measured['createPlexMcpPlatform alone'];
    const all = measured['the whole main entry'];
    expect(rest.minified).toBeLessThan(all.minified - 3_000);
    expect(platform.minified).toBeLessThan(all.minified);
  });

  it('has the sizes the README states (to a tenth of a kB)', () => {
    const readme = readFileSync(`${packageDir('sdk')}/README.md`, 'utf8');
    for (const [name, size] of Object.entries(measured)) {
      const stated = new RegExp(
        `${name.replace(/ /g, '\\s+')}:?\\s+(\\d+\\.\\d) kB\\s+\\((\\d+\\.\\d) kB\\s+gzipped\\)`,
      ).exec(readme);
      expect(stated, `the README states "${name} N.N kB (N.N kB gzipped)"`).not.toBeNull();
      expect(Math.abs(Number(stated?.[1]) - size.minified / 1000)).toBeLessThanOrEqual(0.15);
      expect(Math.abs(Number(stated?.[2]) - size.gzipped / 1000)).toBeLessThanOrEqual(0.15);
    }
  });
});
