// The organization's members: who they are and their role; add one with a role; change a role
// or remove one after a confirmation (their keys are narrowed to the new role, or revoked with
// them).

import type { Member } from '@plexmcp/sdk';
import { useState } from 'preact/hooks';
import { describeError, platform } from '../api/platform.js';
import { ErrorNote, Loading, PageHeader } from '../ui/bits.js';
import { ConfirmAction } from '../ui/confirm-action.js';
import { when } from '../ui/format.js';
import { useResult } from '../ui/use-result.js';
import { ROLES, type Role, RoleSelect } from './member-role.js';

export function Members() {
  const members = useResult(() => platform.organization.members.list({ per_page: 100 }), []);
  const [said, setSaid] = useState('');
  const changed = (what: string) => {
    setSaid(what);
    members.reload();
  };
  return (
    <>
      <PageHeader title="Members">The people of the organization and what they may do.</PageHeader>
      {members.error ? <ErrorNote>{members.error}</ErrorNote> : null}
      {members.data ? (
        <MemberTable members={members.data} onRemoved={members.reload} onChanged={changed} />
      ) : members.loading ? (
        <Loading what="members" />
      ) : null}
      <p role="status" class="muted">
        {said}
      </p>
      <AddMember onAdded={members.reload} />
    </>
  );
}

function MemberTable(props: {
  members: Member[];
  onRemoved: () => void;
  onChanged: (said: string) => void;
}) {
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Added</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.members.map((member) => (
            <tr key={member.id}>
              <td>{member.name}</td>
              <td class="wrap">{member.email}</td>
              <td>
                <RoleSelect member={member} onChanged={props.onChanged} />
              </td>
              <td>{when(member.created_at)}</td>
              <td>
                <ConfirmAction
                  verb="Remove"
                  name={member.name}
                  question={`Remove ${member.name}? Their keys are revoked too.`}
                  act={() => platform.organization.members.remove(member.id)}
                  onDone={props.onRemoved}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddMember(props: { onAdded: () => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const result = await platform.organization.members.add({
      email: email.trim(),
      name: name.trim(),
      role,
    });
    setBusy(false);
    if (result.error) return setError(describeError(result.error));
    setEmail('');
    setName('');
    props.onAdded();
  };
  return (
    <section aria-labelledby="add-member">
      <h2 id="add-member">Add a member</h2>
      <form class="stack" onSubmit={submit}>
        <label for="member-email">Email</label>
        <input
          id="member-email"
          type="email"
          required
          value={email}
          onInput={(event) => setEmail((event.target as HTMLInputElement).value)}
        />
        <label for="member-name">Name</label>
        <input
          id="member-name"
          required
          value={name}
          onInput={(event) => setName((event.target as HTMLInputElement).value)}
        />
        <fieldset>
          <legend>Role</legend>
          {ROLES.map((option) => (
            <label key={option.role} class="check">
              <input
                type="radio"
                name="role"
                value={option.role}
                checked={role === option.role}
                onChange={() => setRole(option.role)}
              />
              <span>
                {option.role} <span class="muted">— {option.help}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div>
          <button type="submit" disabled={busy}>
            {busy ? 'Adding…' : 'Add member'}
          </button>
        </div>
        {error ? <ErrorNote>{error}</ErrorNote> : null}
      </form>
    </section>
  );
}
