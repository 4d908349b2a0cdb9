// The operator's commands (admin init, keys, members) as a library function for the CLI.

export type { AdminIo } from './admin-io.js';
export { runAdminCommand } from './run-admin-command.js';
