// Several built servers on one PostgreSQL, and a client that spreads its requests across them
// the way a balancer without stickiness would: round robin, and on to the next replica when one
// does not answer or is shutting down (503), as a balancer's retry would.

import { type BuiltHttpServer, startBuiltHttpServer } from './http-server.js';

/** One running replica. */
export interface Replica {
  name: string;
  url: string;
  server: BuiltHttpServer;
}

/** Starts `names.length` replicas at once with the same settings. */
export async function startReplicas(
  names: readonly string[],
  options: { env: Record<string, string>; args?: readonly string[] },
): Promise<Replica[]> {
  const started = await Promise.allSettled(
    names.map(async (name) => {
      const server = await startBuiltHttpServer({
        env: options.env,
        ...(options.args ? { args: options.args } : {}),
      });
      return { name, url: server.url, server };
    }),
  );
  const failed = started.find((s) => s.status === 'rejected');
  const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  if (failed) {
    // None left behind when one does not start.
    await Promise.all(running.map((replica) => replica.server.stop()));
    throw failed.reason;
  }
  return running;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read many JSON shapes; expect() checks them.
type Json = any;

/** A parsed answer. */
export interface Reply {
  status: number;
  body: Json;
  headers: Headers;
}

/** A parsed answer and where it came from. */
export interface Answer extends Reply {
  /** The replica that answered. */
  replica: string;
  /** Replicas tried before it (refused connections, 503 while draining). */
  retried: string[];
}

/** How a request is sent. */
export interface Send {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  key?: string;
}

/** How a spread request is sent: the key may depend on the replica it goes to. */
export interface SpreadSend extends Omit<Send, 'key'> {
  key?: string | ((replica: string) => string);
}

/** One request to one base URL; the body parsed when JSON. */
export async function request(url: string, path: string, send: Send = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (send.key) headers.authorization = `Bearer ${send.key}`;
  if (send.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, {
    method: send.method ?? (send.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(send.body === undefined ? {} : { body: JSON.stringify(send.body) }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Kept as text for the failure message.
  }
  return { status: response.status, body, headers: response.headers };
}

/**
 * A client that sends each request to the next replica in turn. A replica that refuses the
 * connection, drops it, or answers 503 because it is draining is skipped for this request,
 * up to one try per replica; other answers (429, 503 for a database outage) are returned.
 */
export function spreadingClient(replicas: () => readonly Replica[]) {
  let next = 0;
  return async (path: string, send: SpreadSend = {}): Promise<Answer> => {
    const all = replicas();
    // This request's turn; its retries go on from there, whatever other callers do meanwhile.
    const first = next++;
    const retried: string[] = [];
    for (let attempt = 0; attempt < all.length; attempt += 1) {
      const replica = all[(first + attempt) % all.length] as Replica;
      const { key: keyFor, ...rest } = send;
      const key = typeof keyFor === 'function' ? keyFor(replica.name) : keyFor;
      try {
        const answer = await request(replica.url, path, key ? { ...rest, key } : rest);
        const draining = answer.status === 503 && answer.headers.get('connection') === 'close';
        if (!draining) return { ...answer, replica: replica.name, retried };
      } catch {
        // Refused or reset: a killed or stopped replica. The next one is tried.
      }
      retried.push(replica.name);
    }
    throw new Error(`no replica answered ${path} (tried ${retried.join(', ')})`);
  };
}
