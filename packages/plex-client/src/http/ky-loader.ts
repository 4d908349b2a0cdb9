// Only types at the top: importing ky makes Node load its fetch implementation (undici), ~25 ms
// and ~9 MiB that a client whose requests all go direct never needs.
type KyModule = typeof import('ky');

let loaded: KyModule | undefined;

/** ky, imported on first use (a request with a body, a raw stream, a redirect, a custom fetch). */
export async function loadKy(): Promise<KyModule> {
  loaded ??= await import('ky');
  return loaded;
}

/** ky once something has loaded it; until then no error can be one of ky's. */
export function loadedKy(): KyModule | undefined {
  return loaded;
}
