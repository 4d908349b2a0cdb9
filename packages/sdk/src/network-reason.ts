/**
 * The useful part of a failed fetch: undici throws "fetch failed" and hides the reason
 * (ECONNREFUSED, ENOTFOUND, "bad port") in `cause`, sometimes inside an AggregateError.
 */
export function networkReason(error: unknown): string {
  const cause = (error as { cause?: unknown } | undefined)?.cause as
    | { code?: unknown; message?: unknown; errors?: { code?: unknown }[] }
    | undefined;
  if (typeof cause?.code === 'string') return cause.code;
  const inner = cause?.errors?.find((entry) => typeof entry.code === 'string')?.code;
  if (typeof inner === 'string') return inner;
  if (typeof cause?.message === 'string' && cause.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
