import type { EmulatorState } from '../../state/store.js';
import {
  artworkFor,
  audioMedia,
  daysBefore,
  LASTFM,
  LOCAL,
  mmss,
  SECTION_IDS,
  safeName,
  tagMap,
} from './builders.js';
import type { DemoRefs } from './refs.js';

interface AlbumSpec {
  /** Name used by the rest of the demo data (`album:{id}`, `track:{id}/{n}`). */
  id: string;
  title: string;
  year?: number;
  summary: string;
  genres: readonly string[];
  styles: readonly string[];
  codec: 'flac' | 'mp3';
  /** Performer, when it is not the album artist (PMS's track `originalTitle`). */
  performer?: string;
  /** `[title, minutes, seconds]`, in disc order. */
  tracks: readonly (readonly [title: string, minutes: number, seconds: number])[];
}

interface ArtistSpec {
  id: string;
  title: string;
  summary: string;
  genres: readonly string[];
  styles: readonly string[];
  countries: readonly string[];
  addedDays: number;
  albums: readonly AlbumSpec[];
}

/** Composers and public-domain recordings of their work. */
const ARTISTS: readonly ArtistSpec[] = [
  {
    id: 'joplin',
    title: 'Scott Joplin',
    summary:
      'American composer and pianist known as the King of Ragtime. Near the end of his life he cut a handful of his own rags onto player-piano rolls.',
    genres: ['Jazz'],
    styles: ['Ragtime'],
    countries: ['United States'],
    addedDays: 480,
    albums: [
      {
        id: 'joplin-rolls',
        title: 'The 1916 Piano Rolls',
        year: 1916,
        summary: "Joplin's own performances, captured on piano rolls in 1916 and played back.",
        genres: ['Jazz'],
        styles: ['Ragtime'],
        codec: 'mp3',
        tracks: [
          ['Maple Leaf Rag', 3, 18],
          ['Something Doing', 3, 34],
          ['Weeping Willow', 3, 42],
          ['Magnetic Rag', 3, 50],
          ['Pleasant Moments', 2, 56],
        ],
      },
    ],
  },
  {
    id: 'bach',
    title: 'Johann Sebastian Bach',
    summary:
      'German composer and organist of the late Baroque, whose keyboard works remain a foundation of the piano repertoire.',
    genres: ['Classical'],
    styles: ['Baroque'],
    countries: ['Germany'],
    addedDays: 350,
    albums: [
      {
        id: 'goldberg',
        title: 'Open Goldberg Variations',
        year: 2012,
        summary:
          "Kimiko Ishizaka's crowd-funded studio recording of the Goldberg Variations, released into the public domain.",
        genres: ['Classical'],
        styles: ['Baroque'],
        codec: 'flac',
        performer: 'Kimiko Ishizaka',
        tracks: [
          ['Aria', 4, 42],
          ['Variatio 1. a 1 Clav.', 1, 52],
          ['Variatio 2. a 1 Clav.', 1, 38],
          ["Variatio 3. Canone all'Unisuono. a 1 Clav.", 1, 56],
          ['Variatio 4. a 1 Clav.', 0, 58],
        ],
      },
      {
        id: 'wtc',
        title: 'The Open Well-Tempered Clavier',
        year: 2015,
        summary:
          "Kimiko Ishizaka's public-domain recording of Book 1 of The Well-Tempered Clavier.",
        genres: ['Classical'],
        styles: ['Baroque'],
        codec: 'flac',
        performer: 'Kimiko Ishizaka',
        tracks: [
          ['Prelude No. 1 in C Major, BWV 846', 2, 14],
          ['Fugue No. 1 in C Major, BWV 846', 1, 58],
          ['Prelude No. 2 in C Minor, BWV 847', 1, 33],
          ['Fugue No. 2 in C Minor, BWV 847', 1, 44],
        ],
      },
    ],
  },
  {
    id: 'satie',
    title: 'Erik Satie',
    summary:
      'French composer and pianist of the Montmartre cabarets whose spare, unhurried piano pieces anticipated minimalism.',
    genres: ['Classical'],
    styles: ['Impressionist'],
    countries: ['France'],
    addedDays: 95,
    albums: [
      {
        id: 'satie-piano',
        title: 'Gymnopédies & Gnossiennes',
        summary: "Public-domain piano recordings of Satie's two early cycles.",
        genres: ['Classical'],
        styles: ['Impressionist'],
        codec: 'mp3',
        tracks: [
          ['Gymnopédie No. 1', 3, 5],
          ['Gymnopédie No. 2', 2, 36],
          ['Gymnopédie No. 3', 2, 18],
          ['Gnossienne No. 1', 3, 42],
          ['Gnossienne No. 2', 2, 4],
          ['Gnossienne No. 3', 2, 51],
        ],
      },
    ],
  },
];

/** Adds the demo's artists, albums and tracks to the Music section. */
export function seedMusic(state: EmulatorState, refs: DemoRefs): void {
  for (const spec of ARTISTS) {
    const addedAt = daysBefore(spec.addedDays, 18);
    const artist = state.addItem({
      type: 'artist',
      sectionId: SECTION_IDS.music,
      title: spec.title,
      summary: spec.summary,
      addedAt,
      updatedAt: addedAt + 600,
      tags: tagMap({ genre: spec.genres, style: spec.styles, country: spec.countries }),
    });
    artist.artwork = artworkFor(artist.ratingKey, {
      poster: [LASTFM, LOCAL],
      art: [LASTFM, LASTFM],
    });
    refs.set(`artist:${spec.id}`, artist.ratingKey);

    spec.albums.forEach((albumSpec, at) => {
      const albumAdded = addedAt + at * 120;
      const album = state.addItem({
        type: 'album',
        sectionId: SECTION_IDS.music,
        title: albumSpec.title,
        ...(albumSpec.year === undefined ? {} : { year: albumSpec.year }),
        summary: albumSpec.summary,
        parentRatingKey: artist.ratingKey,
        addedAt: albumAdded,
        updatedAt: albumAdded,
        tags: tagMap({ genre: albumSpec.genres, style: albumSpec.styles }),
      });
      album.artwork = artworkFor(album.ratingKey, { poster: [LOCAL, LASTFM] });
      refs.set(`album:${albumSpec.id}`, album.ratingKey);

      const folder = `/data/media/music/${safeName(spec.title)}/${safeName(albumSpec.year === undefined ? albumSpec.title : `${albumSpec.title} (${albumSpec.year})`)}`;
      albumSpec.tracks.forEach(([title, minutes, seconds], trackAt) => {
        const index = trackAt + 1;
        const durationMs = mmss(minutes, seconds);
        const track = state.addItem({
          type: 'track',
          sectionId: SECTION_IDS.music,
          title,
          index,
          parentIndex: 1,
          parentRatingKey: album.ratingKey,
          grandparentRatingKey: artist.ratingKey,
          ...(albumSpec.performer ? { originalTitle: albumSpec.performer } : {}),
          duration: durationMs,
          addedAt: albumAdded,
          updatedAt: albumAdded,
        });
        const file = `${folder}/${String(index).padStart(2, '0')} - ${safeName(title)}.${albumSpec.codec}`;
        track.media = [audioMedia(state, file, durationMs, albumSpec.codec)];
        refs.set(`track:${albumSpec.id}/${index}`, track.ratingKey);
      });
    });
  }
}
