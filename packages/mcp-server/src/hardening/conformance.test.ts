import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlexHttpServer, startHttpServer } from '../http/server.js';
import { emulatedPlex } from '../testing/emulated-plex.js';
import { runConformance, type ScenarioOutcome } from './conformance.js';

/** Scenarios any MCP server must pass, whatever tools it serves. */
const GENERIC = [
  'server-initialize',
  'ping',
  'tools-list',
  'logging-set-level',
  'dns-rebinding-protection',
  'server-sse-multiple-streams',
];

const baseline = JSON.parse(
  readFileSync(new URL('./conformance-baseline.json', import.meta.url), 'utf8'),
) as { conformance: string; expectedFailures: Record<string, string> };
const expectedFailures = new Map(Object.entries(baseline.expectedFailures));

describe('the conformance baseline', () => {
  it('gives a reason for every expected failure and never excuses a generic scenario', () => {
    for (const [scenario, reason] of expectedFailures) {
      expect(reason.length, scenario).toBeGreaterThan(20);
    }
    expect(GENERIC.filter((scenario) => expectedFailures.has(scenario))).toEqual([]);
  });

  it('was written for the installed suite (a new version needs the baseline reviewed)', () => {
    const require = createRequire(import.meta.url);
    const { version } = require('@modelcontextprotocol/conformance/package.json') as {
      version: string;
    };
    expect(version).toBe(baseline.conformance);
  });
});

for (const stateless of [false, true]) {
  describe(`@modelcontextprotocol/conformance server scenarios (${stateless ? 'stateless' : 'stateful'})`, () => {
    let server: PlexHttpServer;
    let outcomes: Map<string, ScenarioOutcome>;

    beforeAll(async () => {
      const { plex } = emulatedPlex();
      // The suite fires its scenarios back to back; the rate limit is tested elsewhere.
      server = await startHttpServer({ plex, port: 0, stateless, rateLimit: false });
      outcomes = await runConformance(`${server.url}/mcp`);
    }, 90_000);

    afterAll(async () => {
      await server?.close();
    });

    it('passes the generic scenarios', () => {
      for (const scenario of GENERIC) {
        const outcome = outcomes.get(scenario);
        expect(outcome, `${scenario} did not run`).toBeDefined();
        expect(outcome?.failures, scenario).toEqual([]);
        // Without sessions there are no streams to tie together: the scenario only warns.
        if (!(stateless && scenario === 'server-sse-multiple-streams')) {
          expect(outcome?.succeeded, `${scenario} checked nothing`).toBeGreaterThan(0);
        }
      }
    });

    it('passes every scenario the baseline does not excuse', () => {
      const unexpected = [...outcomes]
        .filter(([scenario, outcome]) => !outcome.passed && !expectedFailures.has(scenario))
        .map(([scenario, outcome]) => `${scenario}: ${outcome.failures.join('; ')}`);
      expect(unexpected).toEqual([]);
    });

    it('still fails every baseline entry (a fixed one must leave the baseline)', () => {
      const stale = [...expectedFailures.keys()].filter(
        (scenario) => outcomes.get(scenario)?.passed !== false,
      );
      expect(stale).toEqual([]);
    });

    it('serves a normal client after the suite', async () => {
      const client = new Client({ name: 'after-conformance', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
      const result = await client.callTool({ name: 'library_list', arguments: {} });
      expect(result.isError).toBeFalsy();
      expect(JSON.stringify(result.structuredContent)).toContain('Movies');
      await client.close();
    });
  });
}
