/** Where an admin command reads its environment and writes its output (the process, or a test). */
export interface AdminIo {
  /** PLEXMCP_DATABASE_URL, PLEXMCP_DATA_DIR and PLEXMCP_SECRET_KEY are read from here. */
  env: Readonly<Record<string, string | undefined>>;
  /** Results: text as given, line endings included (JSON with `--json`). */
  stdout: (text: string) => void;
  /** Usage, refusals and errors. */
  stderr: (text: string) => void;
}
