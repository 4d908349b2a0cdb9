// A member's role, changed in place: pick another in the row's list, then confirm — the question
// says what follows (a role below admin takes the admin scope off their keys, and revokes a key
// that had nothing else), so a slip of the mouse changes nothing.

import type { ChangedMember, Member } from '@plexmcp/sdk';
import { useState } from 'preact/hooks';
import { describeError, platform } from '../api/platform.js';
import { ErrorNote } from '../ui/bits.js';

/** The roles, least first, with what each may do. */
export const ROLES = [
  { role: 'member', help: 'uses the organization’s MCPs with keys an admin gives them' },
  { role: 'admin', help: 'also manages MCPs, keys and members' },
  { role: 'owner', help: 'everything, including other owners' },
] as const;

/** One of the roles. */
export type Role = (typeof ROLES)[number]['role'];

/** What the change did, in words for the page. */
export function roleChanged(member: ChangedMember): string {
  const keys: string[] = [];
  if (member.narrowed_keys > 0) keys.push(`${member.narrowed_keys} of their keys lost admin`);
  if (member.revoked_keys > 0) keys.push(`${member.revoked_keys} revoked`);
  return `${member.name} is now ${member.role}${keys.length > 0 ? `; ${keys.join(', ')}` : ''}.`;
}

/** A member's role as a list to change it from, with the confirmation it then asks for. */
export function RoleSelect(props: { member: Member; onChanged: (said: string) => void }) {
  const { member } = props;
  const [wanted, setWanted] = useState<Role | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const cancel = () => {
    setWanted(undefined);
    setError(undefined);
  };
  const confirm = async () => {
    if (!wanted) return;
    setBusy(true);
    const result = await platform.organization.members.update(member.id, { role: wanted });
    setBusy(false);
    if (result.error) return setError(describeError(result.error));
    setWanted(undefined);
    props.onChanged(roleChanged(result.data));
  };
  const losesAdmin = wanted === 'member' && member.role !== 'member';
  return (
    <>
      <select
        aria-label={`Role of ${member.name}`}
        value={wanted ?? member.role}
        disabled={busy}
        onChange={(event) => {
          const role = (event.target as HTMLSelectElement).value as Role;
          setError(undefined);
          setWanted(role === member.role ? undefined : role);
        }}
      >
        {ROLES.map((option) => (
          <option key={option.role} value={option.role}>
            {option.role}
          </option>
        ))}
      </select>
      {wanted ? (
        <fieldset class="confirm">
          <legend class="visually-hidden">Change the role of {member.name}?</legend>
          <span>
            Make {member.name} {wanted === 'member' ? 'a' : 'an'} {wanted}?
            {losesAdmin
              ? ' Their keys lose the admin scope; a key that had only admin is revoked.'
              : ''}
          </span>{' '}
          <button type="button" disabled={busy} onClick={confirm}>
            Yes, change
          </button>{' '}
          <button type="button" class="secondary" onClick={cancel}>
            Cancel
          </button>
          {error ? <ErrorNote>{error}</ErrorNote> : null}
        </fieldset>
      ) : null}
    </>
  );
}
