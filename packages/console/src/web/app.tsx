// The console: the sign-in page until a session exists, then the shell (header, navigation)
// around the page of the current route.

import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadSession, onSessionEnded, type SessionState, signOut } from './api/session.js';
import { Keys } from './pages/keys.js';
import { McpPage } from './pages/mcp.js';
import { Mcps } from './pages/mcps.js';
import { Members } from './pages/members.js';
import { NowPlaying } from './pages/now-playing.js';
import { Overview } from './pages/overview.js';
import { SignIn } from './pages/sign-in.js';
import { Usage } from './pages/usage.js';
import { usePath } from './router.js';
import { Link } from './ui/bits.js';

/** A page gets the path's captured parts (ids, a tool name). */
type Page = ComponentType<{ params: string[] }>;

/**
 * The pages, in navigation order; `match` recognises a page's paths. Pages without a label are
 * reached from another page (an MCP's explorer from the MCP list).
 */
const PAGES: { href: string; label?: string; match: RegExp; page: Page }[] = [
  { href: '/console', label: 'Overview', match: /^\/(console\/?)?$/, page: Overview },
  { href: '/console/mcps', label: 'MCPs', match: /^\/console\/mcps\/?$/, page: Mcps },
  {
    href: '/console/mcps',
    match: /^\/console\/mcps\/(mcp_[A-Za-z0-9]+)(?:\/tools\/([^/]+))?\/?$/,
    page: McpPage,
  },
  {
    href: '/console/now-playing',
    label: 'Now playing',
    match: /^\/console\/now-playing\/?$/,
    page: NowPlaying,
  },
  { href: '/console/usage', label: 'Usage', match: /^\/console\/usage\/?$/, page: Usage },
  { href: '/console/keys', label: 'Keys', match: /^\/console\/keys\/?$/, page: Keys },
  { href: '/console/members', label: 'Members', match: /^\/console\/members\/?$/, page: Members },
];

export function App() {
  const [session, setSession] = useState<SessionState | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadSession().then(setSession, () => setFailed(true));
    return onSessionEnded(() => setSession({ signed_in: false }));
  }, []);
  if (failed) return <p role="alert">The server did not answer. Reload to try again.</p>;
  if (!session) return <p class="muted">Loading…</p>;
  if (!session.signed_in) return <SignIn onSignedIn={setSession} />;
  return <Shell />;
}

function Shell() {
  const path = usePath();
  const current = PAGES.find((page) => page.match.test(path));
  const Page = current?.page;
  const params = (current?.match.exec(path) ?? [])
    .slice(1)
    .filter((part): part is string => part !== undefined)
    .map((part) => decodeURIComponent(part));
  const section = PAGES.find((page) => page.label && page.href === current?.href);
  useEffect(() => {
    document.title = section ? `${section.label} · PlexMCP console` : 'PlexMCP console';
  }, [section]);
  // After a navigation inside the console, focus moves to the new page's content, as a page load
  // would: keyboard and screen-reader users start there instead of on the link they followed.
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [path]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">PlexMCP</span>
        <nav aria-label="Console">
          <ul>
            {PAGES.filter((page) => page.label).map((page) => (
              <li key={page.href}>
                <Link href={page.href} current={page === section}>
                  {page.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" class="secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        {Page ? <Page params={params} /> : <NotFound />}
      </main>
    </>
  );
}

function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is no such page. Go to the <Link href="/console">overview</Link>.
      </p>
    </>
  );
}
