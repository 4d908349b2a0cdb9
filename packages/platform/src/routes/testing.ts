// Test-only: the /v1 app mounted as the server will mount it, on a real migrated database, with
// two organizations and a helper to call it.

import { createSecretKey, randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { seedOrganization } from '../services/testing.js';
import type { Storage } from '../storage/storage.js';
import type { TestDatabases } from '../testing/databases.js';
import { createV1App, type V1AppOptions } from './app.js';

/** What a call answered: status, headers and the parsed JSON body. */
export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read envelopes of many shapes.
  body: any;
  text: string;
}

/** Options of one call: the key to send, and a body (an object is sent as JSON, a string raw). */
export interface CallOptions {
  key?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * The app over a fresh database with organizations Acme and Globex, each with an admin key, and
 * a fresh secret key sealing MCP secrets.
 */
export async function v1Fixture(t: TestDatabases, options: Partial<V1AppOptions> = {}) {
  const storage: Storage = await t.openMigrated();
  const acme = await seedOrganization(storage, 'Acme');
  const globex = await seedOrganization(storage, 'Globex');
  const logged: string[] = [];
  const secretKey = options.secretKey ?? createSecretKey(randomBytes(32));
  const root = new Hono();
  root.route(
    '/v1',
    createV1App({ storage, secretKey, log: { error: (m) => logged.push(m) }, ...options }),
  );

  const call = async (method: string, path: string, opts: CallOptions = {}): Promise<Answer> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.key !== undefined) headers.authorization = `Bearer ${opts.key}`;
    const init: RequestInit = { method, headers };
    if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      init.body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    }
    const response = await root.request(path, init);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
      text,
    };
  };
  return { storage, secretKey, acme, globex, call, logged };
}
