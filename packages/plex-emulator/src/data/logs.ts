import { appendLog } from '../services/logbook.js';
import type { EmulatorState } from '../state/store.js';
import type { LogFile, LogLine } from '../state/types.js';

type Entry = [secondsBeforeNow: number, level: LogLine['level'], message: string];

/**
 * Writes the lines a server that started a little while ago would already have in its four
 * logs: startup, a library scan, a transcoder statistics line, an update check. Derived from the
 * state (version, platform, sections, sessions) so the log agrees with what the API reports.
 * Call once, after the library is seeded; times are relative to `nowMs`.
 */
export function seedLogs(state: EmulatorState, nowMs: number): void {
  const { server } = state;
  const sections = [...state.sections.values()];
  const write = (file: LogFile, entries: Entry[]) => {
    for (const [before, level, message] of entries.sort((a, b) => b[0] - a[0])) {
      appendLog(state.logs, file, level, message, nowMs - before * 1000);
    }
  };

  write('Plex Media Server.log', [
    [
      900,
      'INFO',
      `Plex Media Server v${server.version} - ${server.platform} x86_64 - build: linux-x86_64 debian - GMT 00:00`,
    ],
    [900, 'INFO', `${server.platform} version: ${server.platformVersion}, language: en-US`],
    [900, 'INFO', 'Processor: 8-core Intel(R) Core(TM) i5-12400 CPU @ 2.50GHz'],
    [899, 'INFO', `Running migrations. (EPG 0) for server ${server.friendlyName}`],
    [898, 'INFO', 'Database: opened com.plexapp.plugins.library.db'],
    [
      897,
      'DEBUG',
      `[MyPlex] Signed in as ${server.myPlexUsername} (state ${server.myPlexSigninState})`,
    ],
    [896, 'INFO', 'Butler: Scheduling tasks in the maintenance window'],
    [895, 'INFO', `Listening on port 32400 as ${server.machineIdentifier}`],
    ...sections.map(
      (section, i): Entry => [
        860 - i * 20,
        'DEBUG',
        `Activity: registered new activity - "Scanning ${section.title}"`,
      ],
    ),
  ]);

  write(
    'Plex Media Scanner.log',
    sections.flatMap((section, i): Entry[] => {
      const paths = section.locations.map((location) => location.path).join(', ');
      return [
        [860 - i * 20, 'INFO', `Scanning section ${section.id} (${section.title}): ${paths}`],
        [858 - i * 20, 'DEBUG', `Scanner: ${section.scanner}, agent: ${section.agent}`],
        [845 - i * 20, 'INFO', `Finished scanning section ${section.id} (${section.title})`],
      ];
    }),
  );

  const transcodes = [...state.sessions.values()].filter((session) => session.transcode);
  write(
    'Plex Transcoder Statistics.log',
    transcodes.length > 0
      ? transcodes.map((session, i): Entry => {
          const job = session.transcode!;
          return [
            120 - i * 30,
            'INFO',
            `Session ${session.id}: video ${job.sourceVideoCodec ?? 'none'} -> ${job.videoCodec ?? 'none'} (${job.videoDecision}), audio ${job.sourceAudioCodec} -> ${job.audioCodec} (${job.audioDecision}), container ${job.container}, speed ${job.speed}, throttled ${job.throttled ? 1 : 0}`,
          ];
        })
      : [[600, 'INFO', 'Transcoder statistics: no active transcode sessions']],
  );

  const update = server.updateAvailable;
  write('Plex Update Service.log', [
    [880, 'INFO', 'Update service started'],
    [870, 'INFO', 'Checking for updates...'],
    update
      ? [869, 'INFO', `Found release ${update.version} (installed ${server.version})`]
      : [869, 'INFO', `No update available; ${server.version} is the latest`],
  ]);
}
