// Who is watching what, across the organization's Plex servers, live: the server sends the
// sessions every few seconds (server-sent events). Posters come from the console's own server,
// which fetches them from Plex — the page never sees a Plex address or token.

import { useEffect, useState } from 'preact/hooks';
import { sessionEnded } from '../api/session.js';
import { ErrorNote, Loading, PageHeader } from '../ui/bits.js';

interface PlayingSession {
  mcp_id: string;
  mcp_name: string;
  id: string;
  title: string;
  subtitle: string;
  user: string;
  player: string;
  state: string;
  progress_percent: number | null;
  poster: string | null;
}

interface NowPlayingEvent {
  sessions: PlayingSession[];
  problems: { mcp_id: string; mcp_name: string; message: string }[];
}

const STREAM_URL = '/console/api/now-playing';

export function NowPlaying() {
  const [latest, setLatest] = useState<NowPlayingEvent | undefined>();
  const [lost, setLost] = useState(false);
  useEffect(() => {
    const source = new EventSource(STREAM_URL);
    source.addEventListener('sessions', (event) => {
      setLatest(JSON.parse((event as MessageEvent<string>).data) as NowPlayingEvent);
      setLost(false);
    });
    source.addEventListener('signed-out', () => {
      source.close();
      sessionEnded();
    });
    // EventSource reconnects by itself; say so while it does.
    source.onerror = () => setLost(true);
    return () => source.close();
  }, []);
  return (
    <>
      <PageHeader title="Now playing">Live from every Plex server of the organization.</PageHeader>
      {lost ? (
        <p class="muted" role="status">
          Reconnecting…
        </p>
      ) : null}
      {latest === undefined ? <Loading what="sessions" /> : null}
      {latest?.problems.map((problem) => (
        <ErrorNote key={problem.mcp_id}>
          {problem.mcp_name}: {problem.message}
        </ErrorNote>
      ))}
      {latest && latest.sessions.length === 0 ? <p>Nothing is playing right now.</p> : null}
      <ul class="now-playing" aria-live="polite">
        {latest?.sessions.map((session) => (
          <li key={`${session.mcp_id}/${session.id}`} class="playing">
            {session.poster ? (
              <img
                src={session.poster}
                alt={`Poster of ${session.title}`}
                width={120}
                height={180}
              />
            ) : (
              <div class="no-poster" aria-hidden="true" />
            )}
            <div class="playing-text">
              <h2>{session.title}</h2>
              {session.subtitle ? <p class="muted">{session.subtitle}</p> : null}
              <p>
                {session.user} on {session.player} <span class="muted">· {session.mcp_name}</span>
              </p>
              <p class={`state state-${session.state}`}>{session.state}</p>
              {session.progress_percent !== null ? (
                <progress
                  max={100}
                  value={session.progress_percent}
                  aria-label={`${session.title}: ${Math.round(session.progress_percent)}% played`}
                />
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
