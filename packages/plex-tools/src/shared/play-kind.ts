import type { PlayQueueType } from '@plexmcp/plex-client';

const KINDS: Record<string, PlayQueueType> = {
  movie: 'video',
  show: 'video',
  season: 'video',
  episode: 'video',
  clip: 'video',
  artist: 'audio',
  album: 'audio',
  track: 'audio',
  photo: 'photo',
  photoalbum: 'photo',
};

/** The kind of play queue or playlist an item type goes into; undefined when it cannot play. */
export function playKindOf(type: string): PlayQueueType | undefined {
  return KINDS[type];
}
