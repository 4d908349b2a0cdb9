/** The kinds of 200 answers whose body a JSON client cannot use. */
export type MalformedBody = 'truncated-json' | 'html';

// Cut where a dropped upstream or a full disk cuts real answers: inside an array, mid-key.
const TRUNCATED_JSON = '{"MediaContainer":{"size":3,"allowSync":true,"Directory":[{"key":"1","ti';

// What a captive portal or an auth proxy in front of Plex answers with status 200.
const LOGIN_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form method="post" action="/login"><input name="user"><input name="password" type="password"></form></body></html>';

/** A 200 answer whose body is not the JSON the client asked for. */
export function malformedResponse(body: MalformedBody): Response {
  return body === 'html'
    ? new Response(LOGIN_PAGE, { status: 200, headers: { 'Content-Type': 'text/html' } })
    : new Response(TRUNCATED_JSON, {
        status: 200,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      });
}
