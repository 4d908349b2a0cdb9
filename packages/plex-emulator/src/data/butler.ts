import type { ButlerTaskRecord } from '../state/types.js';

const DAY = 24 * 60 * 60;

/** PMS's butler tasks (names from Plex's PMS API 1.2.2), with their usual intervals in days. */
const TASKS: [name: string, title: string, description: string, intervalDays: number][] = [
  ['AutomaticUpdates', 'Automatic Updates', 'Checks for and installs server updates.', 1],
  ['BackupDatabase', 'Backup Database', 'Backs up the library database.', 3],
  [
    'ButlerTaskGenerateAdMarkers',
    'Generate Ad Markers',
    'Detects commercials in DVR recordings.',
    1,
  ],
  [
    'ButlerTaskGenerateCreditsMarkers',
    'Generate Credits Markers',
    'Detects end credits in movies and episodes.',
    1,
  ],
  [
    'ButlerTaskGenerateIntroMarkers',
    'Generate Intro Markers',
    'Detects TV show intros for skipping.',
    1,
  ],
  [
    'ButlerTaskGenerateVoiceActivity',
    'Generate Voice Activity',
    'Analyses audio for voice activity to improve subtitle sync.',
    1,
  ],
  ['CleanOldBundles', 'Clean Old Bundles', 'Removes metadata bundles of deleted items.', 7],
  ['CleanOldCacheFiles', 'Clean Old Cache Files', 'Removes stale transcoder cache files.', 7],
  ['DeepMediaAnalysis', 'Deep Media Analysis', 'Measures bitrates of media files.', 1],
  ['GarbageCollectBlobs', 'Garbage Collect Blobs', 'Removes unused blobs from the database.', 7],
  [
    'GarbageCollectLibraryMedia',
    'Garbage Collect Library Media',
    'Removes media of deleted library items.',
    7,
  ],
  ['GenerateBlurHashes', 'Generate Blur Hashes', 'Computes placeholder blurs for artwork.', 1],
  ['GenerateChapterThumbs', 'Generate Chapter Thumbnails', 'Creates chapter images.', 1],
  [
    'GenerateMediaIndexFiles',
    'Generate Media Index Files',
    'Creates video preview thumbnails for seeking.',
    1,
  ],
  ['LoudnessAnalysis', 'Loudness Analysis', 'Measures track loudness for levelling.', 1],
  ['MusicAnalysis', 'Music Analysis', 'Analyses tracks for sonic features.', 1],
  ['OptimizeDatabase', 'Optimize Database', 'Compacts and re-indexes the database.', 7],
  ['RefreshEpgGuides', 'Refresh EPG Guides', 'Downloads Live TV guide data.', 1],
  ['RefreshLibraries', 'Refresh Libraries', 'Scans library folders for new files.', 1],
  ['RefreshLocalMedia', 'Refresh Local Media', 'Reads local artwork and subtitles.', 3],
  [
    'RefreshPeriodicMetadata',
    'Refresh Periodic Metadata',
    'Refreshes metadata of items that change over time.',
    1,
  ],
  ['UpgradeMediaAnalysis', 'Upgrade Media Analysis', 'Re-analyses media with newer code.', 1],
];

/** Fresh butler task records, all enabled and idle. */
export function defaultButlerTasks(): ButlerTaskRecord[] {
  return TASKS.map(([name, title, description, days]) => ({
    name,
    title,
    description,
    interval: days * DAY,
    enabled: !['RefreshEpgGuides', 'ButlerTaskGenerateAdMarkers'].includes(name),
    scheduleRandomized: false,
    running: false,
  }));
}
