import { describe, expect, it } from 'vitest';
import { readServerSentEvents, type SseEvent } from './sse.js';

async function read(chunks: string[]): Promise<SseEvent[]> {
  const encoder = new TextEncoder();
  async function* body() {
    for (const chunk of chunks) yield encoder.encode(chunk);
  }
  const events: SseEvent[] = [];
  for await (const event of readServerSentEvents(body())) events.push(event);
  return events;
}

describe('readServerSentEvents', () => {
  it('reads named events with JSON data, as PMS sends them', async () => {
    const events = await read([
      'event: ping\ndata: {}\n\n',
      'event: playing\ndata: {"PlaySessionStateNotification":{"sessionKey":"12"}}\n\n',
    ]);
    expect(events).toEqual([
      { event: 'ping', data: '{}' },
      { event: 'playing', data: '{"PlaySessionStateNotification":{"sessionKey":"12"}}' },
    ]);
  });

  it('joins events split across chunks, even inside a UTF-8 character or a CRLF', async () => {
    const bytes = new TextEncoder().encode('event: status\r\ndata: {"title":"Café"}\r\n\r\n');
    const split = bytes.indexOf(0xc3) + 1;
    const crlf = bytes.indexOf(0x0d) + 1;
    async function* body() {
      yield bytes.slice(0, crlf);
      yield bytes.slice(crlf, split);
      yield bytes.slice(split);
    }
    const events: SseEvent[] = [];
    for await (const event of readServerSentEvents(body())) events.push(event);
    expect(events).toEqual([{ event: 'status', data: '{"title":"Café"}' }]);
  });

  it('joins data lines, skips comments and data-less events, defaults the name', async () => {
    const events = await read([
      ': keep-alive\n\n',
      'event: empty\n\n',
      'data: line one\ndata:line two\nid: 7\n\n',
      'data: unfinished',
    ]);
    expect(events).toEqual([{ event: 'message', data: 'line one\nline two', id: '7' }]);
  });

  it('takes CR alone as a line end', async () => {
    expect(await read(['event: progress\rdata: {"message":"x"}\r\r'])).toEqual([
      { event: 'progress', data: '{"message":"x"}' },
    ]);
  });
});
