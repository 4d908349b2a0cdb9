import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Limits } from './limits.js';

/** The Node server settings that bound how long a client may take to send its request. */
export function socketTimeouts(limits: Limits) {
  return {
    // The headers are part of the request: Node refuses to start when their time is the longer.
    headersTimeout:
      Math.min(limits['header-timeout-seconds'], limits['request-timeout-seconds']) * 1000,
    requestTimeout: limits['request-timeout-seconds'] * 1000,
    // Node checks both timeouts on this interval (30 s by default): check often enough that a
    // slow client is cut off near its deadline.
    connectionsCheckingInterval: 1000,
    keepAliveTimeout: 5000,
  };
}

/**
 * Caps open connections in all (`server.maxConnections`) and per remote address, so that idle
 * or half-open sockets from one place cannot use up the process's file descriptors.
 */
export function capConnections(server: Server, limits: Limits): void {
  server.maxConnections = limits.connections;
  const perAddress = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (perAddress.get(address) ?? 0) + 1;
    if (count > limits['connections-per-address']) {
      socket.destroy();
      return;
    }
    perAddress.set(address, count);
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left <= 0) perAddress.delete(address);
      else perAddress.set(address, left);
    });
  });
}
