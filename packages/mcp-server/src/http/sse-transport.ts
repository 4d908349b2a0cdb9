import { randomUUID } from 'node:crypto';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { SSEStreamingApi } from 'hono/streaming';

/** Unread bytes a legacy SSE client may leave on its stream before its session is closed. */
export const SSE_BACKLOG_BYTES = 8 * 1024 * 1024;

/**
 * The server side of legacy HTTP+SSE (protocol 2024-11-05) as an MCP SDK `Transport`: messages
 * to the client are `message` events on one open stream whose first event, `endpoint`, names the
 * URL the client POSTs its own messages to; those reach `receive()`.
 */
export class SseServerTransport implements Transport {
  readonly sessionId = randomUUID();
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private closed = false;
  /** Bytes written to the stream that the client has not read yet. */
  private backlog = 0;

  /**
   * `endpoint` is written as given: relative, so a path-prefix reverse proxy keeps working.
   * `disconnect` drops the connection itself, for a client that no longer reads.
   */
  constructor(
    private readonly stream: SSEStreamingApi,
    private readonly endpoint: (sessionId: string) => string,
    private readonly disconnect: () => void = () => {},
  ) {}

  async start(): Promise<void> {
    await this.stream.writeSSE({ event: 'endpoint', data: this.endpoint(this.sessionId) });
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) throw new Error('The SSE stream is closed.');
    const data = JSON.stringify(message);
    // A client that keeps POSTing but stops reading its stream would make every answer wait in
    // memory: past the cap the session ends instead.
    this.backlog += data.length;
    if (this.backlog > SSE_BACKLOG_BYTES) {
      await this.close();
      throw new Error('The SSE client is not reading its stream; the session was closed.');
    }
    try {
      await this.stream.writeSSE({ event: 'message', data });
    } finally {
      this.backlog -= data.length;
    }
  }

  /** A message the client POSTed for this session. */
  receive(message: JSONRPCMessage): void {
    this.onmessage?.(message);
  }

  /**
   * Ends the session at once. Waiting for the stream to flush would wait forever on a client
   * that stopped reading, so what it has not read is dropped, and so is its connection.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stream.abort();
    this.disconnect();
    this.onclose?.();
  }
}
