import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { npmProject } from './npm-project.js';
import { packAll } from './pack.js';
import type { PublishedPackage } from './workspace.js';
import { workspaceRange } from './workspace.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The tarball of each published package. */
    tarballs: Record<PublishedPackage, string>;
    /** An npm project with every tarball installed, plus the MCP SDK and Node's types. */
    project: string;
    /** A scratch folder the tests may write into. */
    scratch: string;
  }
}

/** Packs once and installs once for every test file; removes it all afterwards. */
export default async function setup(project: TestProject): Promise<() => void> {
  const work = mkdtempSync(join(tmpdir(), 'plexmcp-packaging-'));
  const tarballDir = join(work, 'tarballs');
  mkdirSync(tarballDir);
  const tarballs = await packAll(tarballDir);
  const installed = await npmProject(join(work, 'project'), [
    ...Object.values(tarballs),
    `@modelcontextprotocol/sdk@${workspaceRange('@modelcontextprotocol/sdk')}`,
    `@types/node@${workspaceRange('@types/node')}`,
  ]);
  const scratch = join(work, 'scratch');
  mkdirSync(scratch);
  project.provide('tarballs', tarballs);
  project.provide('project', installed);
  project.provide('scratch', scratch);
  return () => rmSync(work, { recursive: true, force: true });
}
