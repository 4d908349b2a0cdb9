import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import {
  type CallToolResult,
  CallToolResultSchema,
  ErrorCode,
  ListToolsResultSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import { createPlexClient } from '@plexmcp/plex-client';
import { createPlexEmulator } from '@plexmcp/plex-emulator';
import { type AnyTool, describeTool, TOOLS } from '@plexmcp/plex-tools';
import { SAMPLE_ARGS, sampleArgsFor } from '@plexmcp/plex-tools/sample-args';
import fc from 'fast-check';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlexMcpServer } from '../server/create-server.js';

/** The closed set of tool error codes (DESIGN.md convention 8). */
const CODES = new Set([
  'NOT_FOUND',
  'AMBIGUOUS',
  'INVALID_INPUT',
  'CONFIRMATION_REQUIRED',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'PLEX_UNREACHABLE',
  'TIMEOUT',
  'RATE_LIMITED',
  'PLEX_ERROR',
  'INTERNAL',
]);

/**
 * Runs per tool and kind of input: 61 tools × 2 × 25 calls cost about 3 s of CPU in memory.
 * PROPERTY_RUNS=500 digs deeper locally.
 */
const RUNS = Number(process.env.PROPERTY_RUNS) || 25;

/**
 * server_get_alerts listens for up to a minute by design; valid calls are cut short by a request
 * timeout (the client cancels, the server stops listening) instead of waiting it out.
 */
const LISTENS = new Set(['server_get_alerts']);
const LISTEN_CUTOFF_MS = 50;

/**
 * A real SDK client linked in memory to a server showing all 61 tools, over a demo Plex that
 * `freshLibrary()` replaces: one session lives through every tool's runs while each tool starts
 * from an untouched library (deletes and edits from one tool's runs stay with it).
 */
async function openSession() {
  let emulator = createPlexEmulator({ activityStepMs: 1 });
  const plex = createPlexClient({
    baseUrl: 'http://plex.test:32400',
    plexTvUrl: `http://plex.test:32400${emulator.plexTvPath}`,
    token: emulator.token,
    retry: false,
    timeoutMs: 2000,
    fetch: (input, init) => emulator.fetch(new Request(input, init)),
  });
  const server = createPlexMcpServer({
    plex,
    tools: { access: 'delete' },
    config: { defaultUsername: 'demo_owner' },
  });
  const client = new Client({ name: 'property-test', version: '1.0.0' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  // Listing first makes the client check every structuredContent against its output schema.
  const { tools } = await client.listTools();
  expect(tools).toHaveLength(TOOLS.length);
  return {
    client,
    token: emulator.token,
    freshLibrary() {
      emulator = createPlexEmulator({ activityStepMs: 1 });
    },
  };
}

type Session = Awaited<ReturnType<typeof openSession>>;

/** Values that tend to break hand-written handling: empties, extremes, wrong types, paths. */
const nasty = fc.constantFrom<unknown>(
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'null',
  '../../etc/passwd',
  '/dev/zero.png',
  'x'.repeat(5000),
  '\u0000',
  '💥',
  0,
  -1,
  1.5,
  -0,
  2 ** 53,
  1e308,
  true,
  false,
  null,
  [],
  [''],
  [null],
  {},
  { __proto__: null },
);

const jsonValue = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 2, arbitrary: nasty },
);

/** The tool's own argument names, so random objects reach its fields and not only unknown keys. */
function fieldsOf(tool: AnyTool): string[] {
  return Object.keys(describeTool(tool).inputSchema.properties ?? {});
}

/** Random objects over the tool's field names and arbitrary keys. */
function randomArgs(tool: AnyTool): fc.Arbitrary<Record<string, unknown>> {
  const fields = fieldsOf(tool);
  const key =
    fields.length > 0
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fields) }, fc.string())
      : fc.string();
  return fc.dictionary(key, jsonValue, { maxKeys: 6 });
}

/** The tool's valid sample with a few fields dropped, replaced or added. */
function mutatedArgs(tool: AnyTool): fc.Arbitrary<Record<string, unknown>> {
  const sample = sampleArgsFor(tool.name);
  const fields = [...new Set([...Object.keys(sample), ...fieldsOf(tool)])];
  const key = fields.length > 0 ? fc.constantFrom(...fields) : fc.string();
  const edit = fc.oneof(
    fc.record({ drop: key }),
    fc.record({ set: key, value: jsonValue }),
    fc.record({ set: fc.string(), value: jsonValue }),
  );
  return fc.array(edit, { minLength: 0, maxLength: 3 }).map((edits) => {
    const args: Record<string, unknown> = { ...sample };
    for (const change of edits) {
      if ('drop' in change) delete args[change.drop];
      // An own property, as JSON.parse makes it: assigning a "__proto__" key would instead swap
      // the object's prototype, which no request off the wire can do.
      else Object.defineProperty(args, change.set, ownValue(change.value));
    }
    return args;
  });
}

function ownValue(value: unknown): PropertyDescriptor {
  return { value, enumerable: true, writable: true, configurable: true };
}

/**
 * Calls one tool and checks the answer: a result (the SDK client has already checked it against
 * the output schema) or an isError text `CODE: message` with a code from the closed set, and
 * INVALID_INPUT whenever the tool's own schema refuses the arguments.
 */
async function checkCall(session: Session, tool: AnyTool, args: Record<string, unknown>) {
  const valid = v.safeParse(tool.input, args).success;
  let result: CallToolResult;
  try {
    result = (await session.client.callTool(
      { name: tool.name, arguments: args },
      undefined,
      LISTENS.has(tool.name) ? { timeout: LISTEN_CUTOFF_MS } : undefined,
    )) as CallToolResult;
  } catch (error) {
    // Only a listening tool given valid arguments may outlast its cut-off.
    if (
      valid &&
      LISTENS.has(tool.name) &&
      error instanceof McpError &&
      error.code === ErrorCode.RequestTimeout
    ) {
      return;
    }
    throw error;
  }
  const text = result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  expect(text).not.toContain(session.token);
  if (!result.isError) {
    expect(valid, `${tool.name} accepted arguments its schema refuses`).toBe(true);
    expect(result.structuredContent).toEqual(expect.any(Object));
    return;
  }
  expect(result.structuredContent).toBeUndefined();
  const code = /^([A-Z_]+): \S/.exec(text)?.[1];
  expect(code && CODES.has(code), `not a coded error: ${text.slice(0, 200)}`).toBe(true);
  if (!valid) expect(code).toBe('INVALID_INPUT');
  // INTERNAL means a tool threw or broke its own output schema: a bug whatever the input.
  expect(code, text).not.toBe('INTERNAL');
}

/** The session still answers: the full tool list and a call known to succeed. */
async function expectSessionAlive(session: Session) {
  // A raw tools/list: listTools() would recompile the client's 61 output-schema validators.
  const { tools } = await session.client.request({ method: 'tools/list' }, ListToolsResultSchema);
  expect(tools).toHaveLength(TOOLS.length);
  const ok = await session.client.callTool({ name: 'library_list', arguments: {} });
  expect(ok.isError).toBeFalsy();
  expect(JSON.stringify(ok.structuredContent)).toContain('Movies');
}

describe('random arguments to every tool over MCP', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });

  it('has a valid sample for every tool', () => {
    expect(Object.keys(SAMPLE_ARGS).sort()).toEqual(TOOLS.map((tool) => tool.name).sort());
    for (const tool of TOOLS) {
      const parsed = v.safeParse(tool.input, sampleArgsFor(tool.name));
      expect(parsed.success, tool.name).toBe(true);
    }
  });

  it.each(TOOLS.map((tool) => [tool.name, tool] as const))(
    '%s answers a result or a coded error, and the session lives on',
    async (_name, tool) => {
      session.freshLibrary();
      await fc.assert(
        fc.asyncProperty(randomArgs(tool), (args) => checkCall(session, tool, args)),
        { numRuns: RUNS },
      );
      await fc.assert(
        fc.asyncProperty(mutatedArgs(tool), (args) => checkCall(session, tool, args)),
        { numRuns: RUNS },
      );
      await expectSessionAlive(session);
    },
    30_000,
  );

  it('refuses non-object arguments with an error naming them, and keeps the session', async () => {
    const notAnObject = fc.oneof(
      fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TOOLS), notAnObject, async (tool, args) => {
        const answer = session.client.request(
          { method: 'tools/call', params: { name: tool.name, arguments: args as never } },
          CallToolResultSchema,
        );
        // The SDK checks params against its schema before our handler runs and (SDK 1.32) answers
        // -32603 with the schema issue rather than -32602; either way it names the field.
        const error = await answer.then(
          () => undefined,
          (reason: unknown) => reason,
        );
        expect(error).toBeInstanceOf(McpError);
        expect([ErrorCode.InvalidParams, ErrorCode.InternalError]).toContain(
          (error as McpError).code,
        );
        expect((error as McpError).message).toMatch(/arguments[\s\S]*expected record/);
      }),
      { numRuns: 60 },
    );
    await expectSessionAlive(session);
  });
});
