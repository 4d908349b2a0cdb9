#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createPlexEmulator, type LibraryOption } from './emulator.js';

const USAGE = `Usage: plex-emulator [options]

Runs an in-memory Plex Media Server (and the plex.tv endpoints) on a local socket.

Options:
  --port <n>          port to listen on; 0 picks a free one (default 32400)
  --host <addr>       address to bind (default 127.0.0.1)
  --token <token>     the owner's X-Plex-Token (default plex-emulator-token)
  --library <lib>     demo | empty | synthetic:<N> (default demo)
  --seed <n>          seed for synthetic libraries (default 1)
  -h, --help          show this help

Prints the server's base URL on stdout once it is ready.`;

function fail(message: string): never {
  process.stderr.write(`plex-emulator: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function parseInteger(value: string, name: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    fail(`--${name} must be an integer from ${min} to ${max}; got "${value}"`);
  }
  return parsed;
}

function parseLibrary(value: string): LibraryOption {
  if (value === 'demo' || value === 'empty') return value;
  const match = /^synthetic:(\d+)$/.exec(value);
  if (!match) fail(`--library must be demo, empty or synthetic:<N>; got "${value}"`);
  return `synthetic:${Number(match[1])}`;
}

async function main(): Promise<void> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse().values;
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const emulator = createPlexEmulator({
    token: values.token ?? 'plex-emulator-token',
    library: parseLibrary(values.library ?? 'demo'),
    seed: parseInteger(values.seed ?? '1', 'seed', 0, 2 ** 32 - 1),
  });
  const server = await emulator
    .listen({
      port: parseInteger(values.port ?? '32400', 'port', 0, 65535),
      host: values.host ?? '127.0.0.1',
    })
    .catch((error: Error) => fail(`cannot listen: ${error.message}`));
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(`plex-emulator: plex.tv endpoints at ${server.plexTvUrl}\n`);

  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function parse() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      library: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
}

void main();
