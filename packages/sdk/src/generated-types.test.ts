import { readFileSync, writeFileSync } from 'node:fs';
import { restTool } from '@plexmcp/mcp-server';
import { TOOLS } from '@plexmcp/plex-tools';
import { describe, expect, it } from 'vitest';
import { generateToolTypes } from './codegen/generate.js';

const committed = new URL('./generated/tools.ts', import.meta.url);

describe('the committed src/generated/tools.ts', () => {
  // The same listing GET /tools serves with every tool visible (--access delete), built without
  // a server so CI catches a tool change that was not regenerated.
  const fresh = generateToolTypes(TOOLS.map(restTool));

  // `pnpm generate` (at the repository root) runs this file with UPDATE_GENERATED=1 to write it.
  it('matches what the tool registry generates', () => {
    if (process.env.UPDATE_GENERATED) writeFileSync(committed, fresh);
    expect(
      readFileSync(committed, 'utf8'),
      'src/generated/tools.ts is stale: run `pnpm generate` at the repository root',
    ).toBe(fresh);
  });
});
