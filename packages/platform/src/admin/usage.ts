// The usage text, printed on stderr for `--help` and for every wrong command line.

/** The name the commands are run under. */
export const CLI_NAME = 'plex-mcp-server';

/** What to run first on a database without an organization. */
export const INIT_HINT = `${CLI_NAME} admin init --org <name> --email <email>`;

/** Every command with its options. */
export const USAGE = `Usage: ${CLI_NAME} <command> [options]

Set up and run organizations, members and API keys, on the server's database.

Commands:
  admin init --org <name> --email <email> [--name <owner name>] [--plan free|pro|team] [--another]
      Create the default organization with its owner and an admin key (shown once). The
      owner's name defaults to the part of the email before @, the plan to team. --another
      creates an additional organization instead.
  admin plan <free|pro|team>
      Move the organization to a plan: each API key may send 10 (free), 100 (pro) or 1000
      (team) requests per second. Running servers apply it within a second or two.
  keys create --name <name> [--scopes read+write+delete+admin] [--member <usr_id|email>]
              [--expires <ISO date-time>]
      Create an API key (shown once). Scopes default to read+write+delete, the member to the
      organization's first owner.
  keys list
  keys revoke <key_id>
  members add --email <email> [--name <name>] [--role owner|admin|member]
  members list
  members role <usr_id|email> <owner|admin|member>
  members remove <usr_id|email>
  mcps add --login [--server <name>] [--name <name>] [--access read|write|delete]
           [--toolsets <list>] [--timeout <seconds>]
      Sign in to plex.tv with a PIN and add one of the account's servers.
  mcps add --name <name> --url <url> --token <token> [--access …] [--toolsets <list>]
      Add a Plex server by address and token.
  mcps add --remote --name <name> --url <url> [--headers '{"Authorization": "…"}'] [--access …]
      Add another MCP server reached over Streamable HTTP.
  mcps list
  mcps remove <mcp_id>

Options of every command:
  --database <url|file>  postgres://user:password@host:5432/db, sqlite:<path> or a SQLite file
                         (default: PLEXMCP_DATABASE_URL, else plexmcp.db in the data directory)
  --org <org_id>         the organization to act on (default: the default organization;
                         for admin init, the new organization's name)
  --json                 print the result as JSON
  -h, --help             print this text
`;
