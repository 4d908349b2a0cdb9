// Loading one platform request into a component: its data, its failure in words, and a way to
// load it again after a change.

import type { PlatformResult } from '@plexmcp/sdk';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { describeError } from '../api/platform.js';

/** What a component shows while, and after, a request runs. */
export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` now and whenever `deps` change; a newer load wins over an older one. */
export function useResult<T>(
  load: () => Promise<PlatformResult<T>>,
  deps: readonly unknown[],
): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({
    loading: true,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then((result) => {
      if (!current) return;
      if (result.error) setState({ error: describeError(result.error), loading: false });
      else setState({ data: result.data, loading: false });
    });
    return () => {
      current = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
