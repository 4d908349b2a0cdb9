// A destructive action behind a second click: "Remove" (or "Revoke"), then "Remove “name”? …
// Yes, remove / Cancel", so a slip of the mouse changes nothing. The keys, MCPs and members
// pages all remove things this way.

import { useState } from 'preact/hooks';
import { describeError } from '../api/platform.js';
import { ErrorNote } from './bits.js';

export interface ConfirmActionProps {
  /** The button's word: "Remove", "Revoke". */
  verb: string;
  /** What is acted on, for screen readers on the first button and in the legend. */
  name: string;
  /** The question, with what follows from it: `Revoke “laptop”? Programs using it stop working.` */
  question: string;
  /** Does it; an `error` is shown beside the buttons and nothing else happens. */
  act: () => Promise<{ error?: Parameters<typeof describeError>[0] | undefined }>;
  /** After it was done. */
  onDone: () => void;
}

export function ConfirmAction(props: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (!asking) {
    return (
      <button type="button" class="danger secondary" onClick={() => setAsking(true)}>
        {props.verb}
        <span class="visually-hidden"> {props.name}</span>
      </button>
    );
  }
  const confirm = async () => {
    const result = await props.act();
    if (result.error) return setError(describeError(result.error));
    setAsking(false);
    props.onDone();
  };
  return (
    <fieldset class="confirm">
      <legend class="visually-hidden">
        {props.verb} {props.name}?
      </legend>
      <span>{props.question}</span>{' '}
      <button type="button" class="danger" onClick={confirm}>
        Yes, {props.verb.toLowerCase()}
      </button>{' '}
      <button type="button" class="secondary" onClick={() => setAsking(false)}>
        Cancel
      </button>
      {error ? <ErrorNote>{error}</ErrorNote> : null}
    </fieldset>
  );
}
