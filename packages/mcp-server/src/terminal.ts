// What the binary says to a person, outside any protocol.

/** stdout belongs to JSON-RPC in stdio mode: everything a person should read goes to stderr. */
export function log(message: string): void {
  process.stderr.write(`plex-mcp-server: ${message}\n`);
}

/**
 * Help is asked for by a person: on their terminal it goes to stdout (so `| less` works); when
 * stdout is not a terminal it may be an MCP client's JSON-RPC pipe, so stderr.
 */
export function printHelp(text: string): void {
  (process.stdout.isTTY ? process.stdout : process.stderr).write(`${text}\n`);
}
