import { runCodegen } from './cli.js';

// The bin's entry: kept apart from runCodegen so tests can import that without running it.
process.exitCode = await runCodegen(process.argv.slice(2));
