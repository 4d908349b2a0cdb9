import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfig, restTool } from '@plexmcp/mcp-server';
import { visibleTools } from '@plexmcp/plex-tools';
import { generateToolTypes } from '@plexmcp/sdk/codegen';
import { describe, expect, it } from 'vitest';

const committed = new URL('./generated/plex-tools.ts', import.meta.url);
const scripts = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

/**
 * What the `generate` script writes, built from the sources without a server: the tools the
 * `serve` script's flags make visible, in the `/tools` shape, under the `--type-name` it passes.
 * `pnpm generate` (at the repository root) runs this file with UPDATE_GENERATED=1, so every
 * generated file can be renewed from a fresh clone without building or serving anything;
 * main.test.ts proves the built server and codegen CLI produce the same bytes.
 */
function fromSources(): string {
  const [, , ...flags] = (scripts.serve as string).split(' ');
  const config = loadConfig(flags, {}, '/nonexistent/.env');
  if (typeof config === 'string') throw new Error(`the serve script's flags ask for ${config}`);
  const tools = visibleTools({
    access: config.access,
    readOnly: config.readOnly,
    ...(config.toolsets ? { toolsets: config.toolsets } : {}),
  });
  const args = (scripts.generate as string).split(' ');
  const typeName = args[args.indexOf('--type-name') + 1];
  return generateToolTypes(tools.map(restTool), typeName ? { typeName } : {});
}

describe('the committed src/generated/plex-tools.ts', () => {
  it('matches what the narrowed server lists', () => {
    const fresh = fromSources();
    if (process.env.UPDATE_GENERATED) writeFileSync(committed, fresh);
    expect(
      readFileSync(committed, 'utf8'),
      'src/generated/plex-tools.ts is stale: run `pnpm generate` at the repository root',
    ).toBe(fresh);
  });
});
