import { checkedTimeout } from './checks.js';
import type { CallOptions, PlexMcpClient, ToolMap, Transport } from './types.js';

/**
 * The typed face over a transport. `tools.<name>` is a Proxy, so no list of names ships in the
 * bundle and a client generated for a custom server works the same way.
 */
export function typedClient<T extends ToolMap<T>>(transport: Transport): PlexMcpClient<T> {
  const call = (name: unknown, args?: unknown, options?: CallOptions) => {
    if (typeof name !== 'string' || name === '') {
      throw new TypeError('call(name, args): name must be a tool name such as "media_search".');
    }
    if (args !== undefined && (typeof args !== 'object' || args === null || Array.isArray(args))) {
      throw new TypeError(`call("${name}", args): args must be an object of named arguments.`);
    }
    if (options?.timeoutMs !== undefined) checkedTimeout(options.timeoutMs);
    return transport.call(name, args ?? {}, options ?? {});
  };
  const tools = new Proxy(Object.create(null) as object, {
    get(_target, name) {
      // `then` would make the proxy look like a promise to `await`; symbols are not tools.
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (args?: unknown, options?: CallOptions) => call(name, args, options);
    },
  });
  return {
    call,
    tools,
    listTools: () => transport.listTools(),
    health: () => transport.health(),
  } as PlexMcpClient<T>;
}
