// The tool access an MCP serves, as the MCP forms offer it.

/** The choices, widest last. */
export const ACCESS = [
  { value: 'read', label: 'read — look, never change' },
  { value: 'write', label: 'write — read and change' },
  { value: 'delete', label: 'delete — everything' },
] as const;

/** One of the choices. */
export type Access = (typeof ACCESS)[number]['value'];

/** The labelled choice every MCP form asks (add by URL, add through plex.tv, edit). */
export function AccessField(props: {
  id: string;
  value: Access;
  onChange: (access: Access) => void;
}) {
  return (
    <>
      <label for={props.id}>Tools it serves</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value as Access)}
      >
        {ACCESS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
}
