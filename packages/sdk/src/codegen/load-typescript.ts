import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';

/** The TypeScript compiler's API, whose factory and printer write the generated types. */
export type TypeScriptApi = typeof TypeScript;

/** Loads a package by name, as `require` does; tests pass one rooted where TypeScript is not. */
export type RequireModule = (id: string) => unknown;

/**
 * Where the compiler API can be found, in order. TypeScript 7's `typescript` package holds only
 * its version (the compiler is native and has no JavaScript API yet); beside it, TypeScript 6's
 * API ships as `@typescript/typescript6`.
 */
const CANDIDATES = ['typescript', '@typescript/typescript6'] as const;

const INSTALL = 'npm i -D typescript@6';

// Resolved from this package, where npm and pnpm link its (optional) peer dependencies.
const requireHere: RequireModule = createRequire(import.meta.url);
let loaded: TypeScriptApi | undefined;

/**
 * The compiler that prints the generated types: TypeScript 5 or 6. It is an optional peer
 * dependency, so it is loaded here, on first use, and only the codegen needs it. Throws an
 * error that says what to install when there is none to use.
 */
export function loadTypeScript(requireModule: RequireModule = requireHere): TypeScriptApi {
  if (requireModule === requireHere && loaded) return loaded;
  const unusable: string[] = [];
  for (const id of CANDIDATES) {
    let candidate: unknown;
    try {
      candidate = requireModule(id);
    } catch (error) {
      if (isNotInstalled(error, id)) continue;
      throw error;
    }
    const version = versionOf(candidate);
    if (!hasPrinterApi(candidate)) {
      unusable.push(
        `TypeScript ${version} (${id}) has no compiler API: install TypeScript 6's beside it, npm i -D @typescript/typescript6`,
      );
    } else if (Number.parseInt(version, 10) < 5) {
      unusable.push(`TypeScript ${version} (${id}) is too old: ${INSTALL}`);
    } else {
      if (requireModule === requireHere) loaded = candidate;
      return candidate;
    }
  }
  throw new Error(
    unusable.length > 0
      ? `TypeScript 5 or 6 is needed to print the types; ${unusable[0]}.`
      : `TypeScript 5 or 6 is needed to print the types, and none is installed: ${INSTALL}`,
  );
}

function isNotInstalled(error: unknown, id: string): boolean {
  // Only the package itself: a broken install (a file missing inside it) is reported as is.
  const { code, message } = error as NodeJS.ErrnoException;
  return code === 'MODULE_NOT_FOUND' && message.includes(`'${id}'`);
}

function hasPrinterApi(candidate: unknown): candidate is TypeScriptApi {
  const api = candidate as Partial<TypeScriptApi> | null;
  return typeof api?.createPrinter === 'function' && typeof api.factory === 'object';
}

function versionOf(candidate: unknown): string {
  const version = (candidate as { version?: unknown } | null)?.version;
  return typeof version === 'string' ? version : 'of unknown version';
}
