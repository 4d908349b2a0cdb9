import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CreateMcpBody } from '../routes/schemas.js';
import { jsonRecord, validateBody } from './validation.js';

describe('jsonRecord', () => {
  it('takes an object and refuses an array, which valibot’s record alone would take', () => {
    const schema = v.strictObject({ arguments: jsonRecord(v.unknown()) });
    expect(validateBody(schema, { arguments: { a: 1 } })).toEqual({ arguments: { a: 1 } });
    expect(() => validateBody(schema, { arguments: ['a'] })).toThrow(/arguments/);
    expect(v.safeParse(v.record(v.string(), v.unknown()), ['a']).success).toBe(true);
  });

  it('keeps an MCP’s headers a map of names to values', () => {
    const body = {
      kind: 'remote',
      name: 'R',
      url: 'https://mcp.example/mcp',
      headers: ['Bearer x'],
    };
    expect(() => validateBody(CreateMcpBody, body)).toThrow(/headers/);
  });
});
