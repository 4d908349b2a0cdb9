import { randomUUID } from 'node:crypto';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { SSEStreamingApi } from 'hono/streaming';

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

  /** `endpoint` is written as given: relative, so a path-prefix reverse proxy keeps working. */
  constructor(
    private readonly stream: SSEStreamingApi,
    private readonly endpoint: (sessionId: string) => string,
  ) {}

  async start(): Promise<void> {
    await this.stream.writeSSE({ event: 'endpoint', data: this.endpoint(this.sessionId) });
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) throw new Error('The SSE stream is closed.');
    await this.stream.writeSSE({ event: 'message', data: JSON.stringify(message) });
  }

  /** A message the client POSTed for this session. */
  receive(message: JSONRPCMessage): void {
    this.onmessage?.(message);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.stream.close();
    this.onclose?.();
  }
}
