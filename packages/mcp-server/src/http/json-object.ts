import * as v from 'valibot';

/** A JSON object (not an array, not null), refused with `message` otherwise. */
export function jsonObject(message: string) {
  return v.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    message,
  );
}
