import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { diffSummary } from './diff-summary.js';
import { printToolTypes } from './generate.js';
import { type ListingSource, loadListing } from './load-listing.js';
import { loadTypeScript, type RequireModule, type TypeScriptApi } from './load-typescript.js';

const USAGE = `plexmcp-codegen — TypeScript types for a plexmcp server's tools

Usage:
  plexmcp-codegen --url http://127.0.0.1:3001/tools [--api-key KEY] --out src/plex-tools.ts
  plexmcp-codegen --file tools.json --out src/plex-tools.ts
  plexmcp-codegen --url … --out src/plex-tools.ts --check

Options:
  --url URL         the server's /tools listing (a bare server URL works too)
  --api-key KEY     API key for a server that requires one (or set PLEXMCP_API_KEY)
  --file FILE       read a saved /tools listing instead
  --out FILE        where to write the types (default: standard output)
  --check           compare --out with a fresh generation; exit 1 with a summary when stale
  --type-name NAME  name of the exported tool map (default PlexTools)
  --help            this text

Needs TypeScript 5 or 6 installed (npm i -D typescript@6); its compiler writes the types.

Exit codes: 0 done or up to date, 1 stale (--check), 2 bad usage, no TypeScript to print with,
or the listing could not be read.
`;

/** Where the CLI reads its environment and writes its output. */
export interface CodegenIo {
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** How the TypeScript compiler is looked up; by default from this package, like `require`. */
  requireModule?: RequireModule;
}

/** Runs the codegen CLI; answers the exit code. Messages go to stderr, types to --out or stdout. */
export async function runCodegen(
  argv: readonly string[],
  io: CodegenIo = { env: process.env, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const say = (message: string) => io.stderr.write(`plexmcp-codegen: ${message}\n`);
  const usageError = (message: string) => {
    say(`${message}\n\nRun with --help for usage.`);
    return 2;
  };
  let options: ReturnType<typeof parse>;
  try {
    options = parse(argv);
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (options.help) {
    io.stderr.write(USAGE);
    return 0;
  }
  let source: ListingSource;
  if (options.url && options.file) return usageError('use either --url or --file, not both.');
  if (options.url) {
    const apiKey = options['api-key'] ?? io.env.PLEXMCP_API_KEY;
    source = { url: options.url, ...(apiKey ? { apiKey } : {}) };
  } else if (options.file) {
    source = { file: options.file };
  } else {
    return usageError(
      'say where the tools come from: --url http://127.0.0.1:3001/tools or --file.',
    );
  }
  if (options.check && !options.out) return usageError('--check needs --out, the file to check.');

  // Before any network: without a compiler there is nothing to do with the listing.
  let ts: TypeScriptApi;
  try {
    ts = loadTypeScript(io.requireModule);
  } catch (error) {
    say((error as Error).message);
    return 2;
  }
  let fresh: string;
  try {
    const listing = await loadListing(source);
    fresh = printToolTypes(
      ts,
      listing,
      options['type-name'] ? { typeName: options['type-name'] } : {},
    );
  } catch (error) {
    say((error as Error).message);
    return 2;
  }
  if (!options.out) {
    io.stdout.write(fresh);
    return 0;
  }
  if (options.check) return check(options.out, fresh, say);
  try {
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, fresh);
  } catch (error) {
    say(`cannot write ${options.out}: ${(error as NodeJS.ErrnoException).code ?? error}.`);
    return 2;
  }
  say(`wrote ${options.out}`);
  return 0;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      url: { type: 'string' },
      'api-key': { type: 'string' },
      file: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'boolean' },
      'type-name': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
    strict: true,
  }).values;
}

async function check(out: string, fresh: string, say: (message: string) => void) {
  let current: string;
  try {
    // A checkout with Windows line endings holds the same text.
    current = (await readFile(out, 'utf8')).replaceAll('\r\n', '\n');
  } catch {
    say(`${out} does not exist; run without --check to create it.`);
    return 1;
  }
  if (current === fresh) {
    say(`${out} is up to date.`);
    return 0;
  }
  say(`${out} is stale (${diffSummary(current, fresh)}). Run without --check to regenerate.`);
  return 1;
}
