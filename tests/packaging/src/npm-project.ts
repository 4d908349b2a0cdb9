import { mkdirSync, writeFileSync } from 'node:fs';
import { runOk } from './run.js';

/**
 * Makes an empty npm project at `dir` and installs `specs` into it with npm — what a user of
 * the published packages runs, rather than the workspace's pnpm links.
 */
export async function npmProject(dir: string, specs: readonly string[]): Promise<string> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/package.json`, `${JSON.stringify({ private: true, type: 'module' })}\n`);
  await runOk(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...specs],
    { cwd: dir, timeoutMs: 170_000 },
  );
  return dir;
}
