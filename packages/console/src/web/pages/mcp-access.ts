// The tool access an MCP serves, as the MCP forms offer it.

/** The choices, widest last. */
export const ACCESS = [
  { value: 'read', label: 'read — look, never change' },
  { value: 'write', label: 'write — read and change' },
  { value: 'delete', label: 'delete — everything' },
] as const;

/** One of the choices. */
export type Access = (typeof ACCESS)[number]['value'];
