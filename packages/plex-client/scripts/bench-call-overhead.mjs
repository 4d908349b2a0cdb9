// Per-call overhead of a built plex-client, in-process, against an emulator in its own process
// (`node ../plex-emulator/dist/cli.js --port 0` prints its URL). One call is three bodiless reads
// (libraries.list, server.identity, sessions.active), the shape of a tool call, all on the
// node:http engine. Build first (`pnpm --filter @plexmcp/plex-client build`); to compare two
// builds, copy one `dist` aside and run both, interleaved.
// usage: node scripts/bench-call-overhead.mjs <dist/index.js> <emulator URL> <token> [calls]
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [, , dist, url, token, callsArg] = process.argv;
const { createPlexClient } = await import(pathToFileURL(resolve(dist)).href);
const client = createPlexClient({ baseUrl: url, token, clientIdentifier: 'bench' });
const calls = Number(callsArg ?? 2000);

async function one() {
  await client.libraries.list();
  await client.server.identity();
  await client.sessions.active();
}

// Warm the connection, the JIT and the lazily built schemas.
for (let i = 0; i < 200; i++) await one();
const times = [];
const cpuBefore = process.cpuUsage();
const started = performance.now();
for (let i = 0; i < calls; i++) {
  const start = performance.now();
  await one();
  times.push(performance.now() - start);
}
const wall = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
times.sort((a, b) => a - b);
const at = (q) => times[Math.floor(q * (times.length - 1))];
const ms = (n) => Number(n.toFixed(3));
console.log(
  JSON.stringify({
    p50: ms(at(0.5)),
    p99: ms(at(0.99)),
    mean: ms(wall / calls),
    cpuPerCallMs: ms((cpu.user + cpu.system) / 1000 / calls),
  }),
);
process.exit(0);
