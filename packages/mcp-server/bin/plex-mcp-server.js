#!/usr/bin/env node
// Launcher kept outside dist/ so package managers can link the bin before the first build.
import { setFlagsFromString } from 'node:v8';

// Hold V8's young generation at its starting size (1 MiB), before any module loads. Left alone it
// grows to 8 MiB during start-up and 2 × 16 MiB under a stream of calls while the live heap stays
// near 16 MiB: ~30 MiB of RSS for nothing. `--max-semi-space-size` is read only as Node starts,
// but the growth factor is read at each resize. A size the user chose is left alone.
const chosen = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
if (!/semi[-_]space/.test(chosen)) setFlagsFromString('--semi-space-growth-factor=1');

await import('../dist/cli.js');
