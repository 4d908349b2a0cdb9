import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { type RunningBin, startBuiltServer } from './built-bin.js';
import type { Transcript } from './transcript.js';

/**
 * The SDK's stdio framing over a child we spawned ourselves. The SDK's own StdioClientTransport
 * keeps stdout to itself; this one lets the test see every byte the server wrote there.
 */
export class ChildStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private readonly buffer = new ReadBuffer();

  constructor(private readonly server: RunningBin) {}

  async start(): Promise<void> {
    this.server.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer.append(chunk);
      this.drain();
    });
    void this.server.exited.then(() => this.onclose?.());
  }

  async send(message: JSONRPCMessage): Promise<void> {
    this.server.child.stdin.write(serializeMessage(message));
  }

  /** Ends stdin, which is how a stdio client says goodbye; the server exits on it. */
  async close(): Promise<void> {
    this.server.child.stdin.end();
    await this.server.exited;
  }

  private drain(): void {
    for (;;) {
      try {
        const message = this.buffer.readMessage();
        if (message === null) return;
        this.onmessage?.(message);
      } catch (error) {
        this.onerror?.(error as Error);
      }
    }
  }
}

/** A connected SDK client over the built binary's stdio, and the process behind it. */
export interface BuiltStdioSession {
  client: Client;
  server: RunningBin;
  /** Protocol errors the client saw (a non-JSON-RPC stdout line lands here). */
  errors: Error[];
  /** Closes the client, which ends the server; resolves with its exit code. */
  close(): Promise<number | null>;
}

/** Spawns the built binary in stdio mode and connects an SDK client to it. */
export async function connectBuiltStdio(options: {
  args?: readonly string[];
  env?: Record<string, string>;
  transcript?: Transcript;
}): Promise<BuiltStdioSession> {
  const server = await startBuiltServer({
    args: options.args ?? [],
    ...(options.env ? { env: options.env } : {}),
    ...(options.transcript ? { transcript: options.transcript } : {}),
    ready: /serving (?:the demo library )?over stdio/,
  });
  const client = new Client({ name: 'plexmcp-e2e', version: '1.0.0' });
  const errors: Error[] = [];
  client.onerror = (error) => errors.push(error);
  await client.connect(new ChildStdioTransport(server));
  return {
    client,
    server,
    errors,
    close: async () => {
      await client.close();
      return server.exited;
    },
  };
}
