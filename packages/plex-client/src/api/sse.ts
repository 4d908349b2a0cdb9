/** One server-sent event. */
export interface SseEvent {
  /** The `event:` name; `message` when the server sent none. */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  id?: string;
}

/**
 * Reads server-sent events from a byte stream (the `text/event-stream` format: `field: value`
 * lines, events ended by a blank line, LF, CRLF or CR line ends, `:` comments). Events without
 * data are skipped, as the EventSource spec does.
 */
export async function* readServerSentEvents(
  body: AsyncIterable<Uint8Array>,
): AsyncGenerator<SseEvent, void, undefined> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;

  const dispatch = (): SseEvent | undefined => {
    const out =
      data.length === 0
        ? undefined
        : { event: event || 'message', data: data.join('\n'), ...(id === undefined ? {} : { id }) };
    event = '';
    data = [];
    return out;
  };

  const line = (text: string): SseEvent | undefined => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return undefined;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
    return undefined;
  };

  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    for (;;) {
      const end = buffer.search(/\r\n|\r|\n/);
      // A lone CR at the end may be the first half of CRLF: wait for the next chunk.
      if (end < 0 || (end === buffer.length - 1 && buffer[end] === '\r')) break;
      const ready = line(buffer.slice(0, end));
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
      if (ready) yield ready;
    }
  }
  buffer += decoder.decode();
  // The stream ended: a trailing CR is a line end after all.
  if (buffer.endsWith('\r')) {
    const ready = line(buffer.slice(0, -1));
    if (ready) yield ready;
  }
  // A final event without its blank line is incomplete: dropped, as EventSource does.
}
