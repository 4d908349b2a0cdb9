// The two ways a command refuses before or besides the services: a wrong command line (exit 2,
// with the usage) and a refusal of the operator's request (exit 1, with what to do instead).

/** The command line is wrong: unknown command or option, missing or bad value, `--help`. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The command is well-formed but cannot be done here, e.g. no organization to act on. */
export class AdminError extends Error {
  override readonly name = 'AdminError';
}
