// The console in a real browser, against the real server: the built plex-mcp-server demo
// (emulated Plex, the Demo organization) and headless Chromium from Debian. One server and one
// browser for the file; the tests run in order, as one person's visit: sign in, read the
// overview, make a key and use it from curl, revoke it, sign out. Every page is checked with
// axe-core, must log no CSP violation or script error, and is photographed for the README.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchChromium,
  type PageProblems,
  screenshot,
  watchProblems,
} from './browser.js';
import { type DemoServer, startDemoServer } from './demo-server.js';

const run = promisify(execFile);
/** Another site, as far as the browser knows (its page is served by the test). */
const ELSEWHERE = 'http://dashboard.example/';

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: PageProblems;
/** The secret of the key made in the page. */
let madeSecret = '';
/** Every URL the browser asked for. */
const requested: string[] = [];

/** A REST tool call under the admin key, as any program makes one. */
async function callTool(tool: string, args: Record<string, unknown>) {
  const response = await fetch(`${server.url}/tools/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` },
    body: JSON.stringify({ tool_name: tool, arguments: args }),
  });
  return response.status;
}

/** curl, as a person would paste it, answering the HTTP status and the body. */
async function curl(path: string, key: string) {
  const { stdout } = await run('curl', [
    '-s',
    '-w',
    '\n%{http_code}',
    '-H',
    `Authorization: Bearer ${key}`,
    `${server.url}${path}`,
  ]);
  const lines = stdout.trimEnd().split('\n');
  return { status: Number(lines.pop()), body: lines.join('\n') };
}

/** No accessibility rule broken on the page as it is now. */
async function expectAccessible() {
  expect(await axeViolations(page)).toEqual([]);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  // Usage for the overview: three searches and one refused for its input. The meter writes
  // every 5 s; the overview test waits for it.
  for (const query of ['Alien', 'Blade', 'Matrix']) await callTool('media_search', { query });
  await callTool('media_search', { limit: 0 });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  problems = watchProblems(page);
  context.on('request', (request) => requested.push(request.url()));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the console in Chromium', { timeout: 30_000 }, () => {
  it('signs in with the API key, keeping it out of storage and the URL', async () => {
    // Where `pnpm demo` sends people.
    expect(server.consoleUrl).toBe(`${server.url}/`);
    await page.goto(server.consoleUrl ?? '');
    await expect.poll(() => page.getByLabel('API key').isVisible()).toBe(true);
    await expectAccessible();
    await screenshot(page, 'sign-in');
    await page.getByLabel('API key').fill('plexmcp_not-a-real-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not valid');

    await page.getByLabel('API key').fill(server.adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demo' }).waitFor();
    expect(page.url()).toBe(`${server.url}/`);
    expect(page.url()).not.toContain(server.adminKey);
    const stored = await page.evaluate(() =>
      JSON.stringify({ ...localStorage, ...sessionStorage }),
    );
    expect(stored).toBe('{}');
    expect(await page.content()).not.toContain(server.adminKey);
    const [cookie, ...others] = await context.cookies();
    expect(others).toEqual([]);
    expect(cookie).toMatchObject({ name: 'plexmcp_session', httpOnly: true, sameSite: 'Strict' });
    expect(cookie?.value).not.toContain(server.adminKey);
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it("shows the Demo organization's plan, this month's calls and top tools", async () => {
    // The meter writes usage every 5 s: reload until the calls made above are in.
    await expect
      .poll(
        async () => {
          await page.reload();
          const row = page.getByRole('row', { name: /media_search/ });
          await row.waitFor();
          return row.textContent();
        },
        { timeout: 15_000, interval: 1000 },
      )
      .toMatch(/^media_search41(\d+ ms|–)$/);
    const stats = page.locator('.stats');
    await expect.poll(() => stats.textContent()).toMatch(/Tool calls4Errors1/);
    await expect.poll(() => page.getByText('Plan: team').isVisible()).toBe(true);
    await page.locator('.chart-canvas canvas').first().waitFor();
    await expect
      .poll(() => page.locator('.mcp-list').textContent())
      .toMatch(/^Plex Plexok · \d+ tools$/);
    await expectAccessible();
    await screenshot(page, 'overview');
  });

  it('creates a key whose secret is shown once, and the key works from curl', async () => {
    await page.getByRole('link', { name: 'Keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    expect(page.url()).toBe(`${server.url}/console/keys`);
    // Focus moved to the new page, as a page load would move it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.title()).toBe('Keys · PlexMCP console');
    await expectAccessible();
    await page.getByLabel('Name').fill('from-the-browser');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByTestId('new-secret').textContent()) ?? '';
    expect(secret).toMatch(/^plexmcp_[0-9A-Za-z]{36}$/);
    madeSecret = secret;
    await expectAccessible();
    await screenshot(page, 'keys', ['[data-testid="new-secret"]']);

    const organization = await curl('/v1/organization', secret);
    expect(organization.status).toBe(200);
    expect(JSON.parse(organization.body)).toMatchObject({ data: { name: 'Demo' } });

    // Gone once dismissed: the list shows only the key's prefix.
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.content()).not.toContain(secret);
    const row = page.getByRole('row', { name: /from-the-browser/ });
    expect(await row.textContent()).toContain(`${secret.slice(0, 12)}…`);

    // Revoking asks first, then the key is refused at once.
    await row.getByRole('button', { name: 'Revoke from-the-browser' }).click();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await expect.poll(() => row.textContent()).toContain('revoked');
    const refused = await curl('/v1/organization', secret);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('runs media_search from the explorer form and shows its result', async () => {
    await page.getByRole('link', { name: 'MCPs' }).click();
    await page.getByRole('heading', { level: 1, name: 'MCPs' }).waitFor();
    await expectAccessible();
    await screenshot(page, 'mcps');
    await page.getByRole('link', { name: 'Plex', exact: true }).click();
    await page.getByLabel('Search tools').fill('search media');
    await page.getByRole('link', { name: 'media_search' }).click();
    expect(page.url()).toMatch(/\/console\/mcps\/mcp_[A-Za-z0-9]+\/tools\/media_search$/);
    // The form is made from the tool's schema: query is required, limit a bounded number.
    await expect.poll(() => page.getByLabel('query (required)').isVisible()).toBe(true);
    expect(await page.getByLabel('limit').getAttribute('max')).toBe('500');
    await page.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => page.getByText('query is required').isVisible()).toBe(true);
    await page.getByLabel('query (required)').fill('Metropolis');
    await page.getByLabel('limit').fill('3');
    await page.getByRole('button', { name: 'Run' }).click();
    const result = page.getByTestId('tool-result');
    await expect.poll(() => result.textContent()).toContain('"title": "Metropolis"');
    await page.getByText('curl', { exact: true }).click();
    const curlSnippet = await page.locator('.snippet pre').first().textContent();
    expect(curlSnippet).toContain('"arguments":{"query":"Metropolis","limit":3}');
    expect(curlSnippet).toContain('$PLEXMCP_API_KEY');
    await expectAccessible();
    await screenshot(page, 'explorer');
  });

  it('shows markup from titles, tool results and MCP names as text, never as HTML', async () => {
    const payload = '<img src=x onerror="window.__pwned=1">';
    // A title changed through a tool, and an MCP named with markup (added through /v1).
    expect(
      await callTool('media_edit_metadata', { media_id: '1005', title: `Metropolis ${payload}` }),
    ).toBe(200);
    const added = await fetch(`${server.url}/v1/mcps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` },
      body: JSON.stringify({
        kind: 'remote',
        name: `Evil ${payload}`,
        url: 'http://127.0.0.1:9/mcp',
      }),
    });
    expect(added.status).toBe(201);
    await page.getByLabel('query (required)').fill('Metropolis');
    await page.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => page.getByTestId('tool-result').textContent())
      .toContain('Metropolis <img src=x onerror=\\"window.__pwned=1\\">');
    await page.getByRole('link', { name: 'MCPs' }).click();
    await expect.poll(() => page.getByRole('link', { name: `Evil ${payload}` }).count()).toBe(1);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('shows who is playing, live, with posters that came through the server', async () => {
    await page.getByRole('link', { name: 'Now playing' }).click();
    const cards = page.locator('.playing');
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(2);
    const poster = cards.first().locator('img');
    expect(await poster.getAttribute('src')).toMatch(/^\/console\/api\/posters\/mcp_\w+\/\d+$/);
    await expect
      .poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await cards.first().getByRole('progressbar').count()).toBe(1);
    await expectAccessible();
    await screenshot(page, 'now-playing');
  });

  it('charts usage per hour for one MCP and exports it as CSV', async () => {
    await page.getByRole('link', { name: 'Usage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
    await page.getByLabel('hour (last 24 hours)').check();
    await page.getByLabel('MCP').selectOption({ label: 'Plex' });
    await page.getByRole('heading', { name: 'Calls per hour' }).waitFor();
    await page.locator('.chart-canvas canvas').first().waitFor();
    await expect.poll(() => page.getByRole('row', { name: /media_search/ }).count()).toBe(1);
    await page.getByLabel('Filter tools').fill('playlist');
    await expect.poll(() => page.getByText('No tool calls match.').isVisible()).toBe(true);
    await page.getByLabel('Filter tools').fill('');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('plexmcp-usage-per-hour.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header).toBe('start,requests,tool_calls,errors,p50_ms,p95_ms');
    expect(rows.length).toBeGreaterThanOrEqual(24);
    // The searches made at the start, in this hour, on this MCP.
    expect(rows.some((row) => Number(row.split(',')[2]) >= 4)).toBe(true);
    // One tool: the title edited once (above) is the chart's and the CSV's only tool call.
    await page.getByLabel('Tool', { exact: true }).selectOption('media_edit_metadata');
    await expect.poll(() => page.locator('.stats').textContent()).toBe('Calls1Tool calls1Errors0');
    const [oneTool] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(oneTool.suggestedFilename()).toBe('plexmcp-usage-per-hour-media_edit_metadata.csv');
    const toolRows = readFileSync(await oneTool.path(), 'utf8')
      .trimEnd()
      .split('\r\n')
      .slice(1);
    expect(toolRows.map((row) => Number(row.split(',')[2])).reduce((a, b) => a + b)).toBe(1);
    await expectAccessible();
    await screenshot(page, 'usage');
  });

  it('adds a Plex server through the plex.tv sign-in, and its tools are at hand', async () => {
    await page.getByRole('link', { name: 'MCPs' }).click();
    await page.getByRole('heading', { level: 1, name: 'MCPs' }).waitFor();
    await page.getByRole('button', { name: 'Add an MCP' }).click();
    await page.getByRole('button', { name: 'Get a code from plex.tv' }).click();
    const code = page.locator('.pin-code code');
    await code.waitFor();
    expect(await code.textContent()).toMatch(/^[A-Z1-9]{4}$/);
    expect(await page.getByRole('link', { name: 'https://plex.tv/link' }).count()).toBe(1);
    await expectAccessible();
    // The person approves the code on (the demo's stand-in for) plex.tv.
    expect(server.plexTvUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/plex\.tv$/);
    const approved = await fetch(`${server.plexTvUrl}/api/v2/pins/link`, {
      method: 'PUT',
      headers: {
        'x-plex-token': 'plex-emulator-token',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ code: (await code.textContent()) ?? '' }).toString(),
    });
    expect(approved.status).toBe(204);
    await page.getByText('Signed in to plex.tv. Pick the server to add.').waitFor();
    // The local address comes first; the others are offered too.
    const address = page.getByLabel('Address');
    expect(await address.inputValue()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await address.locator('option').count()).toBe(3);
    await page.getByLabel('Name', { exact: true }).fill('Upstairs Plex');
    await expectAccessible();
    await screenshot(page, 'add-plex-server');
    await page.getByRole('button', { name: 'Add server' }).click();
    await page.getByRole('link', { name: 'Upstairs Plex' }).click();
    await page.getByLabel('Search tools').fill('library');
    await expect.poll(() => page.getByRole('link', { name: 'library_list' }).count()).toBe(1);
    expect(await page.content()).not.toContain('plex-emulator-token');
  });

  it('adds a member with a role, changes it (narrowing their keys) and removes them after a confirmation', async () => {
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    await page.getByLabel('Email').fill('bea@example.com');
    await page.getByLabel('Name').fill('Bea');
    await page.getByLabel(/^admin/).check();
    await page.getByRole('button', { name: 'Add member' }).click();
    const row = page.getByRole('row', { name: /bea@example\.com/ });
    const role = row.getByLabel('Role of Bea');
    await expect.poll(() => role.inputValue()).toBe('admin');
    // A key of Bea's that manages the organization, made by any program.
    const members = await fetch(`${server.url}/v1/organization/members`, {
      headers: { authorization: `Bearer ${server.adminKey}` },
    });
    const bea = ((await members.json()) as { data: { id: string; email: string }[] }).data.find(
      (member) => member.email === 'bea@example.com',
    );
    const made = await fetch(`${server.url}/v1/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` },
      body: JSON.stringify({ name: 'bea', scopes: ['read', 'admin'], member_id: bea?.id }),
    });
    const beaKey = ((await made.json()) as { data: { secret: string } }).data.secret;
    await role.selectOption('member');
    await expect
      .poll(() => row.locator('.confirm').textContent())
      .toContain('Make Bea a member? Their keys lose the admin scope');
    await expectAccessible();
    await screenshot(page, 'members');
    await row.getByRole('button', { name: 'Yes, change' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Bea is now member; 1 of their keys lost admin.');
    await expect.poll(() => role.inputValue()).toBe('member');
    // The key still works, and no longer manages: admin is gone from its scopes.
    expect((await curl('/v1/organization', beaKey)).status).toBe(200);
    const scopes = await fetch(`${server.url}/v1/api-keys?per_page=100`, {
      headers: { authorization: `Bearer ${server.adminKey}` },
    });
    const listed = ((await scopes.json()) as { data: { name: string; scopes: string[] }[] }).data;
    expect(listed.find((key) => key.name === 'bea')?.scopes).toEqual(['read']);
    await row.getByRole('button', { name: 'Remove Bea' }).click();
    await row.getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(() => row.count()).toBe(0);
  });

  it('fits a phone and follows the dark mode of the system, accessibly', async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('.chart-canvas canvas').first().waitFor();
    // Nothing sticks out sideways (the chart follows its box once the resize is seen).
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((element) => element.getBoundingClientRect().right > 390)
            .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
        ),
      )
      .toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(17, 19, 21)',
    );
    await expectAccessible();
    await screenshot(page, 'overview-phone-dark');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('works from the keyboard alone: skip link, fields in order, Enter submits', async () => {
    // A fresh load of the page: the skip link is the first stop.
    await page.goto(`${server.url}/console/keys`);
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('key-name');
    await page.keyboard.type('typed-not-clicked');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('new-secret').textContent()).toMatch(/^plexmcp_/);
    await expect.poll(() => page.getByRole('row', { name: /typed-not-clicked/ }).count()).toBe(1);
  });

  it('opens from a link on another site, still signed in', async () => {
    // A dashboard on another origin linking to the console (served by the browser itself).
    await page.route(ELSEWHERE, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Home dashboard</title><a href="${server.url}/console/keys">PlexMCP keys</a>`,
      }),
    );
    await page.goto(ELSEWHERE);
    await page.getByRole('link', { name: 'PlexMCP keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    expect(page.url()).toBe(`${server.url}/console/keys`);
  });

  it('signs out: the session is gone on the server too', async () => {
    const [cookie] = await context.cookies();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    expect(await context.cookies()).toEqual([]);
    const replayed = await fetch(`${server.url}/console/api/v1/organization`, {
      headers: { cookie: `${cookie?.name}=${cookie?.value}` },
    });
    expect(replayed.status).toBe(401);
  });

  it('logged no CSP violation and no script error on any page', () => {
    expect(problems.cspViolations).toEqual([]);
    expect(problems.errors).toEqual([]);
  });

  it("kept keys out of the server's log: the admin key only in the demo's banner", () => {
    const log = server.log();
    expect(madeSecret).not.toBe('');
    expect(log).not.toContain(madeSecret);
    const banner = log.slice(0, log.indexOf('Stop with Ctrl-C'));
    expect(log.split(server.adminKey).length).toBe(banner.split(server.adminKey).length);
    // The refused sign-in was logged, without the key it tried.
    expect(log).toMatch(/refused GET \/v1\/organization from .*: wrong API key/);
    expect(log).not.toContain('plexmcp_not-a-real-key');
  });

  it('asked nothing of any other origin, and no URL carried a key or a Plex token', () => {
    expect(requested.length).toBeGreaterThan(10);
    for (const url of requested.filter((url) => url !== ELSEWHERE)) {
      expect(new URL(url).origin).toBe(server.url);
      expect(url).not.toMatch(/token|apikey|plexmcp_/i);
    }
  });
});
