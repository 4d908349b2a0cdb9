import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The package folder, whose dist/ `pnpm test` builds before testing. */
const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));

function runNode(args: string[], cwd: string) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('the built package and the TypeScript compiler', () => {
  it('loads TypeScript for code generation only, never with the main or /mcp entry', async () => {
    // Which of the child's modules came from a `typescript` package, after each step.
    const script = `
      import { createRequire } from 'node:module';
      const cache = createRequire(import.meta.url).cache;
      const loaded = () => Object.keys(cache).some((file) => /[\\\\/]typescript[\\\\/]/.test(file));
      await import('./dist/index.js');
      await import('./dist/mcp.js');
      const withClient = loaded();
      const { generateToolTypes } = await import('./dist/codegen.js');
      const withCodegen = loaded();
      generateToolTypes([]);
      console.log(JSON.stringify({ withClient, withCodegen, generating: loaded() }));
    `;
    const run = await runNode(['--input-type=module', '-e', script], PACKAGE);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      withClient: false,
      withCodegen: false,
      generating: true,
    });
  });

  it('the bin says what to install when the project has no TypeScript', async () => {
    // The package as installed in a project without TypeScript: nothing to find it in.
    const project = mkdtempSync(join(tmpdir(), 'plexmcp-codegen-no-typescript-'));
    const installed = join(project, 'node_modules', '@plexmcp', 'sdk');
    for (const part of ['dist', 'bin', 'package.json']) {
      cpSync(join(PACKAGE, part), join(installed, part), { recursive: true });
    }
    const listing = join(project, 'tools.json');
    writeFileSync(listing, JSON.stringify([{ name: 'x', parameters: { type: 'object' } }]));
    const out = join(project, 'tools.ts');
    const run = await runNode(
      [join(installed, 'bin', 'plexmcp-codegen.js'), '--file', listing, '--out', out],
      project,
    );
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'plexmcp-codegen: TypeScript 5 or 6 is needed to print the types, and none is installed: npm i -D typescript@6\n',
    });
    expect(() => readFileSync(out)).toThrow(/ENOENT/);
  });
});
