import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Transcript } from './transcript.js';

/**
 * A fetch for the SDK transports and REST calls that records the status, headers and body of
 * every response. Bodies are read from a clone chunk by chunk, so SSE streams that never end are
 * recorded as they go.
 */
export function recordingFetch(transcript: Transcript): FetchLike {
  return async (url, init) => {
    const response = await fetch(url, init);
    const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
    transcript.add('response', `${response.status} ${response.statusText}\n${headers}`);
    if (response.body) void record(response.clone().body, transcript);
    return response;
  };
}

async function record(body: ReadableStream<Uint8Array> | null, transcript: Transcript) {
  if (!body) return;
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      transcript.add('body', decoder.decode(value, { stream: true }));
    }
  } catch {
    // The stream was cut (client closed, server stopped): what arrived is already recorded.
  }
}
