import * as v from 'valibot';
import { MAX_PER_PAGE } from './pagination.js';
import type { ErrorCode, ErrorDetails } from './platform-error.js';

/** Where a list answer is: the page asked for, its size, how many items exist and how many pages. */
export interface Pagination {
  page: number;
  per_page: number;
  total: number;
  total_pages: number;
}

/** `{"success": true, "data": …}`: every successful answer. */
export interface SuccessEnvelope<T> {
  success: true;
  data: T;
}

/** A list answer: the success envelope plus `pagination`. */
export interface ListEnvelope<T> extends SuccessEnvelope<T[]> {
  pagination: Pagination;
}

/** `{"success": false, "error": {code, message, details}}`: every failed answer. */
export interface ErrorEnvelope {
  success: false;
  error: { code: ErrorCode; message: string; details: ErrorDetails };
}

/** The success envelope around `data`. */
export function success<T>(data: T): SuccessEnvelope<T> {
  return { success: true, data };
}

/** The list envelope around one page of `items`. */
export function listed<T>(items: T[], pagination: Pagination): ListEnvelope<T> {
  return { success: true, data: items, pagination };
}

/** The error envelope. */
export function failure(
  code: ErrorCode,
  message: string,
  details: ErrorDetails = null,
): ErrorEnvelope {
  return { success: false, error: { code, message, details } };
}

/** A JSON answer with a status and extra headers. */
export function reply(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

// The same envelopes as valibot schemas, so the OpenAPI document is generated from them rather
// than restated by hand.

/** `pagination`'s schema. */
export const PaginationSchema = v.pipe(
  v.object({
    page: v.pipe(v.number(), v.integer(), v.minValue(1)),
    per_page: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PER_PAGE)),
    total: v.pipe(v.number(), v.integer(), v.minValue(0)),
    total_pages: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.title('Pagination'),
);

/** The error envelope's schema. */
export const ErrorEnvelopeSchema = v.pipe(
  v.object({
    success: v.literal(false),
    error: v.object({
      code: v.pipe(v.string(), v.description('Lower-case snake case, e.g. invalid_request.')),
      message: v.pipe(v.string(), v.description('What went wrong and what to do next.')),
      details: v.pipe(
        v.nullable(v.record(v.string(), v.unknown())),
        v.description('invalid_request names the fields: details.fields = [{field, problem}].'),
      ),
    }),
  }),
  v.title('Error'),
);

/** The success envelope's schema around the schema of `data`. */
export function successSchema<T extends v.GenericSchema>(data: T) {
  return v.object({ success: v.literal(true), data });
}

/** The list envelope's schema around the schema of `data` (an array). */
export function listSchema<T extends v.GenericSchema>(data: T) {
  return v.object({ success: v.literal(true), data, pagination: PaginationSchema });
}
