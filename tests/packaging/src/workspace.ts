import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The published packages, by folder under packages/. */
export const PUBLISHED = [
  'plex-client',
  'plex-emulator',
  'plex-tools',
  'mcp-server',
  'sdk',
] as const;

/** One of the published packages' folders. */
export type PublishedPackage = (typeof PUBLISHED)[number];

/** The folder of a published package. */
export function packageDir(name: PublishedPackage): string {
  return `${REPO_ROOT}packages/${name}`;
}

/** A package.json from the workspace, parsed. */
export function manifest(dir: string): {
  name: string;
  version: string;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
} {
  return JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
}

/**
 * The range the workspace itself uses for a third-party package, so the test project installs
 * what the packages were built and tested against.
 */
export function workspaceRange(dependency: string): string {
  const dirs = [REPO_ROOT, ...PUBLISHED.map(packageDir)];
  for (const dir of dirs) {
    const { devDependencies = {}, peerDependencies = {} } = manifest(dir);
    const range = peerDependencies[dependency] ?? devDependencies[dependency];
    if (range) return range;
  }
  throw new Error(`no workspace package depends on ${dependency}`);
}

/** Throws a clear error when a package has not been built: packing it would ship nothing. */
export function assertBuilt(name: PublishedPackage): void {
  if (!existsSync(`${packageDir(name)}/dist/index.js`)) {
    throw new Error(`packages/${name}/dist is missing: run \`pnpm build\` before these tests`);
  }
}
