import { describe, expect, it } from 'vitest';
import { usageCsv } from './csv.js';

describe('usage as CSV', () => {
  it('has a header and one row per point, empty where a figure is unknown', () => {
    expect(
      usageCsv([
        {
          start: '2026-12-06T00:00:00.000Z',
          requests: 3,
          tool_calls: 2,
          errors: 1,
          p50_ms: 5,
          p95_ms: 20,
        },
        {
          start: '2026-12-07T00:00:00.000Z',
          requests: 0,
          tool_calls: 0,
          errors: 0,
          p50_ms: null,
          p95_ms: null,
        },
      ]),
    ).toBe(
      'start,requests,tool_calls,errors,p50_ms,p95_ms\r\n' +
        '2026-12-06T00:00:00.000Z,3,2,1,5,20\r\n' +
        '2026-12-07T00:00:00.000Z,0,0,0,,\r\n',
    );
  });
});
