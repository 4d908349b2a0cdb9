import type { PlexMcpServerOptions } from '@plexmcp/mcp-server';
import { createPlexClient } from '@plexmcp/plex-client';
import type { ToolAccess } from '@plexmcp/plex-tools';
import { connectInMemory } from './in-memory.js';
import type { BenchSection } from './section.js';
import { expectOk } from './stdio-server.js';

interface ListedTool {
  name: string;
  description?: string;
  inputSchema: unknown;
  outputSchema?: unknown;
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** What the model reads of one tool: its name, description and input schema. */
const modelVisible = (tool: ListedTool) =>
  bytes({ name: tool.name, description: tool.description, inputSchema: tool.inputSchema });

/** The `tools/list` result exactly as the built server sends it for a session with `access`. */
async function listFor(access: ToolAccess): Promise<ListedTool[]> {
  // No call reaches Plex here: tools/list is answered from the registry.
  const plex = createPlexClient({ baseUrl: 'http://127.0.0.1:9', token: 'unused-token' });
  const server = await connectInMemory({ plex, tools: { access } });
  try {
    return expectOk(await server.request('tools/list'), 'tools/list').tools as ListedTool[];
  } finally {
    await server.close();
  }
}

/**
 * A `--dynamic-toolsets` session with the default access: its `tools/list` at start, and after
 * the model enabled `enable` (one toolset). Undefined from a build without the option, which
 * ignores it and lists every tool.
 */
async function dynamicLists(
  enable: string,
): Promise<{ start: ListedTool[]; enabled: ListedTool[] } | undefined> {
  const plex = createPlexClient({ baseUrl: 'http://127.0.0.1:9', token: 'unused-token' });
  // Typed through the options so the bench still compiles against a build without the field.
  const tools = { access: 'write', dynamicToolsets: true } as PlexMcpServerOptions['tools'];
  const server = await connectInMemory({ plex, ...(tools ? { tools } : {}) });
  try {
    const list = async () =>
      expectOk(await server.request('tools/list'), 'tools/list').tools as ListedTool[];
    const start = await list();
    if (!start.some((tool) => tool.name === 'toolsets_enable')) return undefined;
    expectOk(
      await server.request('tools/call', {
        name: 'toolsets_enable',
        arguments: { names: [enable] },
      }),
      'toolsets_enable',
    );
    return { start, enabled: await list() };
  } finally {
    await server.close();
  }
}

/** One table row: tools, model-visible bytes and tokens, full JSON bytes and tokens. */
function sizeRow(label: string, tools: readonly ListedTool[]): (string | number)[] {
  const visible = tools.reduce((sum, tool) => sum + modelVisible(tool), 0);
  const full = bytes({ tools });
  return [
    label,
    tools.length,
    visible,
    Math.round(visible / 4),
    Math.round(visible / tools.length),
    full,
    Math.round(full / 4),
    Math.round(full / tools.length),
  ];
}

/** Benchmark 2: the size of `tools/list` — what every conversation pays in tokens. */
export async function benchToolsListSize(): Promise<BenchSection> {
  const rows: (string | number)[][] = [];
  let largest: ListedTool[] = [];
  let bytesPerTool = 0;
  for (const [label, access] of [
    ['read only (`--access read`)', 'read'],
    ['default (`--access write`)', 'write'],
    ['all (`--access delete`)', 'delete'],
  ] as const) {
    const tools = await listFor(access);
    rows.push(sizeRow(label, tools));
    if (access === 'delete') largest = tools;
    if (access === 'delete') {
      bytesPerTool = tools.reduce((sum, tool) => sum + modelVisible(tool), 0) / tools.length;
    }
  }
  const dynamic = await dynamicLists('library');
  if (dynamic) {
    rows.push(sizeRow('dynamic toolsets at start (`--dynamic-toolsets`)', dynamic.start));
    rows.push(sizeRow('dynamic, after enabling `library`', dynamic.enabled));
  }
  const outputBytes = largest.reduce((sum, tool) => sum + bytes(tool.outputSchema ?? {}), 0);
  const top = [...largest]
    .sort((a, b) => modelVisible(b) - modelVisible(a))
    .slice(0, 5)
    .map((tool) => `\`${tool.name}\` ${modelVisible(tool)} B`);
  return {
    id: 'tools-list',
    title: 'tools/list size',
    goal: 'All 61 tools under 40 KB (issue #7); DESIGN.md and issue #20: under 380 B per tool model-visible (stretch 300), the default set under 20 KB; `--dynamic-toolsets`: under 3 KB model-visible at start (issue #20).',
    columns: [
      'access set',
      'tools',
      'model-visible B',
      'est. tokens',
      'B/tool',
      'full JSON B',
      'est. tokens',
      'B/tool',
    ],
    rows,
    headlines: { bytesPerTool },
    notes: [
      'Model-visible = compact JSON of name + description + inputSchema per tool; full = the whole `tools/list` result (adds title, outputSchema, annotations). Tokens estimated as bytes/4.',
      'Taken from the built `@plexmcp/mcp-server` answering tools/list on an in-memory transport.',
      `Of the full JSON for all 61, ${outputBytes} B are output schemas, which clients use to check \`structuredContent\`.`,
      `Largest model-visible tools: ${top.join(', ')}.`,
      dynamic
        ? 'Dynamic rows: a session with the default access and `--dynamic-toolsets` starts with the three meta-tools (`toolsets_list`, `toolsets_enable`, `tools_search`); the second row is its list after `toolsets_enable` with `library`, which the client refetches on `notifications/tools/list_changed`.'
        : 'This build has no `--dynamic-toolsets`: no dynamic rows.',
    ],
  };
}
