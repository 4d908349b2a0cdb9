// Reading a command line with node:util's parseArgs (strict), and the checks every command
// shares: required options, fixed choices, and values validated by the same valibot schemas
// as the /v1 requests, so the CLI accepts exactly what the API accepts.

import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { fieldProblems } from '../http/validation.js';
import { UsageError } from './admin-errors.js';

/** A command's options, for parseArgs: never `multiple`, so every value is one string or flag. */
export type CommandOptions = Readonly<
  Record<string, { type: 'string' | 'boolean'; short?: string }>
>;

/** The options every command takes. */
const COMMON_OPTIONS: CommandOptions = {
  database: { type: 'string' },
  org: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** A parsed command line: option values by long name, and the positional arguments. */
export interface ParsedArguments {
  values: Readonly<Record<string, string | boolean | undefined>>;
  positionals: readonly string[];
}

/** Parses `args` strictly: an unknown option, a missing value or a stray argument is a UsageError. */
export function parseArguments(
  args: readonly string[],
  options: CommandOptions,
  allowPositionals: boolean,
): ParsedArguments {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...COMMON_OPTIONS, ...options },
      strict: true,
      allowPositionals,
    });
    return { values: values as ParsedArguments['values'], positionals };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError((error as Error).message);
    }
    throw error;
  }
}

/** A string option's value, trimmed; undefined when absent. */
export function stringOption(args: ParsedArguments, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** A string option that must be given (and not blank). */
export function requiredOption(args: ParsedArguments, name: string): string {
  const value = stringOption(args, name);
  if (value === undefined || value === '') throw new UsageError(`--${name} is required.`);
  return value;
}

/** An option limited to `choices`, `fallback` when absent. */
export function choiceOption<T extends string>(
  args: ParsedArguments,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = stringOption(args, name);
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}.`);
  }
  return value as T;
}

/** The one positional argument of a command such as `keys revoke <key_id>`. */
export function positionalArgument(args: ParsedArguments, label: string): string {
  return positionalArguments(args, [label])[0] as string;
}

/** Exactly `labels.length` positional arguments, in order (`members role <who> <role>`). */
export function positionalArguments(args: ParsedArguments, labels: readonly string[]): string[] {
  const values = labels.map((label, index) => {
    const value = args.positionals[index];
    if (value === undefined || value.trim() === '') throw new UsageError(`Say which: ${label}.`);
    return value.trim();
  });
  const extra = args.positionals[labels.length];
  if (extra !== undefined) throw new UsageError(`Unexpected argument '${extra}'.`);
  return values;
}

/**
 * `input` parsed by `schema`, or a UsageError naming each wrong option. `optionOf` maps the
 * schema's field names to the options they came from (`expires_at` → `expires`).
 */
export function validated<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  optionOf: Readonly<Record<string, string>> = {},
): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const problems = fieldProblems(result.issues).map(({ field, problem }) => {
    const option = optionOf[field] ?? field;
    return `--${option} ${problem}`;
  });
  throw new UsageError(`${problems.join('; ')}.`);
}
