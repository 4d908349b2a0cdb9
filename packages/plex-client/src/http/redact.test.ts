import { describe, expect, it } from 'vitest';
import { redactText as fromEntry, redactUrl as urlFromEntry } from '../index.js';
import { pathOf, redactText, redactUrl } from './redact.js';

const TOKEN = 'abcDEF123-token_xyz';

describe('redactText', () => {
  it.each([
    ['a query pair', `GET /x?X-Plex-Token=${TOKEN}&a=1`, 'GET /x?X-Plex-Token=REDACTED&a=1'],
    [
      'a URL-encoded query pair (a redirect target)',
      `/login?next=http%3A%2F%2Fplex%2Fx%3FX-Plex-Token%3D${TOKEN}%26a%3D1`,
      '/login?next=http%3A%2F%2Fplex%2Fx%3FX-Plex-Token%3DREDACTED%26a%3D1',
    ],
    [
      'a URL-encoded pair in lower case',
      `next=%2Fx%3fx-plex-token%3d${TOKEN}`,
      'next=%2Fx%3fx-plex-token%3dREDACTED',
    ],
    [
      'a header line',
      `X-Plex-Token: ${TOKEN}\r\nAccept: */*`,
      'X-Plex-Token: REDACTED\r\nAccept: */*',
    ],
    ['a lower-case header line', `x-plex-token:${TOKEN}`, 'x-plex-token:REDACTED'],
    [
      'a headers object as JSON prints it',
      `{"X-Plex-Token":"${TOKEN}","Accept":"application/json"}`,
      '{"X-Plex-Token":"REDACTED","Accept":"application/json"}',
    ],
    [
      'a headers object as util.inspect prints it',
      `{ 'x-plex-token': '${TOKEN}', accept: 'application/json' }`,
      `{ 'x-plex-token': 'REDACTED', accept: 'application/json' }`,
    ],
  ])('masks the token in %s without being told it', (_how, text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it('masks a given secret as written and URL-encoded', () => {
    const secret = 'p@ss/word+=1';
    const text = `plain ${secret} encoded ${encodeURIComponent(secret)} in=${encodeURIComponent(secret)}&x`;
    const out = redactText(text, [secret]);
    expect(out).toBe('plain REDACTED encoded REDACTED in=REDACTED&x');
  });

  it('masks the configured token literally, wherever it appears', () => {
    expect(redactText(`Bearer ${TOKEN} and "token":"${TOKEN}"`, [TOKEN])).toBe(
      'Bearer REDACTED and "token":"REDACTED"',
    );
  });

  it('leaves secrets shorter than 4 characters alone (they would mask ordinary words)', () => {
    expect(redactText('the cat sat', ['at'])).toBe('the cat sat');
  });

  it('drops user name and password from URLs in the text', () => {
    expect(
      redactText('proxy https://admin:hunter22@plex.example.com:443/x and http://me@h/y'),
    ).toBe('proxy https://plex.example.com:443/x and http://h/y');
  });

  it('leaves an @ in a path or query alone', () => {
    const text = 'GET http://plex:32400/library/search?query=a@b';
    expect(redactText(text)).toBe(text);
  });

  it('is exported from the package entry, for the MCP server to mask its own log lines', () => {
    expect(fromEntry).toBe(redactText);
  });
});

describe('redactUrl', () => {
  it('drops user name and password and masks token parameters', () => {
    expect(redactUrl(`http://user:secretpass@plex:32400/x?X-Plex-Token=${TOKEN}&a=1`)).toBe(
      'http://plex:32400/x?X-Plex-Token=REDACTED&a=1',
    );
    expect(urlFromEntry).toBe(redactUrl);
  });

  it('drops credentials from text that does not parse as a URL', () => {
    expect(redactUrl('http://user:secretpass@plex:99999/x')).toBe('http://plex:99999/x');
  });
});

describe('pathOf', () => {
  it('keeps the path and query and drops the scheme, host and port', () => {
    expect(pathOf('http://192.168.1.10:32400/library/sections?type=1')).toBe(
      '/library/sections?type=1',
    );
    expect(pathOf('https://[::1]:32400')).toBe('/');
  });
});
