// Copies a text to the clipboard and says so (in words a screen reader hears too).

import { useState } from 'preact/hooks';

export function CopyButton(props: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setState('copied');
    } catch {
      // Without clipboard access (an insecure origin, a refused permission) the text is still on
      // screen to select by hand.
      setState('failed');
    }
  };
  return (
    <span class="copy">
      <button type="button" class="secondary" onClick={copy}>
        {props.label ?? 'Copy'}
      </button>
      <span class="muted" aria-live="polite">
        {state === 'copied' ? 'Copied.' : state === 'failed' ? 'Select the text to copy it.' : ''}
      </span>
    </span>
  );
}
