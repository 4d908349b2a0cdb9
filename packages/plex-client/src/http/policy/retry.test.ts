import { describe, expect, it } from 'vitest';
import type { Failure } from './failure.js';
import { backoffDelay, type RetryPolicy, retryDelay } from './retry.js';

const retry: RetryPolicy = { limit: 2, baseDelayMs: 100, maxDelayMs: 1000 };

function status(code: number, retryAfter?: string): Failure {
  return {
    kind: 'status',
    status: code,
    header: (name) => (name.toLowerCase() === 'retry-after' ? (retryAfter ?? null) : null),
    text: async () => '',
  };
}

describe('retryDelay', () => {
  it('retries GET network failures and 429/502/503/504 with backoff, up to the limit', () => {
    const network: Failure = { kind: 'network', code: 'ECONNRESET' };
    for (const failure of [network, status(429), status(502), status(503), status(504)]) {
      const wait = retryDelay(failure, 1, 'GET', retry);
      expect(wait).toBeGreaterThanOrEqual(50);
      expect(wait).toBeLessThanOrEqual(150);
      expect(retryDelay(failure, 3, 'GET', retry)).toBeUndefined();
    }
  });

  it('never retries writes', () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      expect(retryDelay({ kind: 'network', code: 'ECONNRESET' }, 1, method, retry)).toBeUndefined();
      expect(retryDelay(status(503), 1, method, retry)).toBeUndefined();
    }
  });

  it('does not retry timeouts, oversized answers, local refusals or other statuses', () => {
    const finals: Failure[] = [
      { kind: 'timeout' },
      { kind: 'too-large', limitBytes: 1 },
      { kind: 'local', code: 'ERR_INVALID_CHAR' },
      status(500),
      status(404),
      status(401),
    ];
    for (const failure of finals) expect(retryDelay(failure, 1, 'GET', retry)).toBeUndefined();
  });

  it('waits exactly Retry-After on 429/503 when it is within maxDelayMs', () => {
    expect(retryDelay(status(429, '1'), 1, 'GET', retry)).toBe(1000);
    expect(retryDelay(status(503, '0'), 2, 'GET', retry)).toBe(0);
  });

  it('stops retrying when Retry-After asks for longer than maxDelayMs', () => {
    expect(retryDelay(status(429, '2'), 1, 'GET', retry)).toBeUndefined();
  });

  it('ignores Retry-After on 502/504 and an unreadable one on 429', () => {
    expect(retryDelay(status(502, '0'), 1, 'GET', retry)).toBeGreaterThanOrEqual(50);
    expect(retryDelay(status(429, 'soon'), 1, 'GET', retry)).toBeGreaterThanOrEqual(50);
  });
});

describe('backoffDelay', () => {
  it('doubles from baseDelayMs, capped at maxDelayMs, within ±50 %', () => {
    for (let i = 0; i < 50; i++) {
      const third = backoffDelay(retry, 3);
      expect(third).toBeGreaterThanOrEqual(200);
      expect(third).toBeLessThanOrEqual(600);
      expect(backoffDelay(retry, 10)).toBeLessThanOrEqual(1500);
    }
  });
});
