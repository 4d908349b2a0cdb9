import type { EmulatorState } from '../../state/store.js';
import {
  artworkFor,
  castList,
  daysBefore,
  LOCAL,
  mmss,
  SECTION_IDS,
  safeName,
  TMDB,
  tagMap,
  type VideoVersion,
  videoMedia,
} from './builders.js';
import type { DemoRefs } from './refs.js';

/** A public-domain feature film, with the facts PMS's movie agent would fill in. */
interface MovieSpec {
  /** Name used by the rest of the demo data (`movie:{id}`). */
  id: string;
  title: string;
  originalTitle?: string;
  titleSort?: string;
  year: number;
  /** Release date (premiere or first general release), YYYY-MM-DD. */
  released: string;
  minutes: number;
  directors: readonly string[];
  writers: readonly string[];
  /** Producer credits (the Sherlock Holmes films have none on record here). */
  producers?: readonly string[];
  cast: readonly (readonly [actor: string, character: string])[];
  genres: readonly string[];
  studio: string;
  contentRating: string;
  countries: readonly string[];
  summary: string;
  tagline?: string;
  /** Critics' score, 0–10. */
  rating?: number;
  /** Audience score, 0–10. */
  audienceRating: number;
  imdb?: string;
  tmdb?: number;
  labels?: readonly string[];
  /** Fields the owner edited and locked. */
  locked?: readonly string[];
  /** Picture aspect ratio. */
  aspect: number;
  versions: readonly VideoVersion[];
  /** When it was added, in days before the demo epoch. */
  addedDays: number;
}

const SILENT: VideoVersion = { res: '1080', audioLanguage: null };

/**
 * The films, in the order they are added (so their ratingKeys are 1000, 1001, …). Two share the
 * title "Sherlock Holmes" (1916 and 1922, both real and both public domain) so that lookups by
 * title have a genuine ambiguity to resolve; "Sherlock Jr." shares their first word.
 */
const MOVIES: readonly MovieSpec[] = [
  {
    id: 'night-of-the-living-dead',
    title: 'Night of the Living Dead',
    year: 1968,
    released: '1968-10-01',
    minutes: 96,
    directors: ['George A. Romero'],
    writers: ['John A. Russo', 'George A. Romero'],
    producers: ['Karl Hardman', 'Russell Streiner'],
    cast: [
      ['Duane Jones', 'Ben'],
      ["Judith O'Dea", 'Barbra'],
      ['Karl Hardman', 'Harry Cooper'],
      ['Marilyn Eastman', 'Helen Cooper'],
      ['Keith Wayne', 'Tom'],
      ['Judith Ridley', 'Judy'],
    ],
    genres: ['Horror', 'Thriller'],
    studio: 'Image Ten',
    contentRating: 'Not Rated',
    countries: ['United States'],
    summary:
      'Strangers take shelter in a rural Pennsylvania farmhouse as the recently dead rise and close in. Trapped together, they fight each other almost as hard as the ghouls outside.',
    rating: 9.6,
    audienceRating: 8.7,
    imdb: 'tt0063350',
    tmdb: 10331,
    labels: ['Halloween', '4K Restoration'],
    aspect: 1.37,
    versions: [
      {
        res: '4k',
        codec: 'hevc',
        audio: 'flac',
        channels: 1,
        subtitles: ['eng'],
        suffix: ' - 2160p',
      },
      { res: '1080', channels: 1, subtitles: ['eng'], suffix: ' - 1080p' },
    ],
    addedDays: 640,
  },
  {
    id: 'his-girl-friday',
    title: 'His Girl Friday',
    year: 1940,
    released: '1940-01-18',
    minutes: 92,
    directors: ['Howard Hawks'],
    writers: ['Charles Lederer', 'Ben Hecht', 'Charles MacArthur'],
    producers: ['Howard Hawks'],
    cast: [
      ['Cary Grant', 'Walter Burns'],
      ['Rosalind Russell', 'Hildy Johnson'],
      ['Ralph Bellamy', 'Bruce Baldwin'],
      ['Gene Lockhart', 'Sheriff Peter B. Hartwell'],
      ['John Qualen', 'Earl Williams'],
      ['Helen Mack', 'Mollie Malloy'],
    ],
    genres: ['Comedy', 'Romance'],
    studio: 'Columbia Pictures',
    contentRating: 'Approved',
    countries: ['United States'],
    summary:
      'A scheming newspaper editor learns that his ex-wife, his best reporter, is about to remarry and leave the business. He ropes her into one last story: the eve-of-execution case of a condemned man.',
    rating: 9.9,
    audienceRating: 8.9,
    imdb: 'tt0032599',
    tmdb: 3085,
    aspect: 1.37,
    versions: [
      { res: '1080', channels: 1, sidecarSubtitles: ['eng'], suffix: ' - 1080p' },
      { res: '480', container: 'mp4', channels: 1, suffix: ' - 480p' },
    ],
    addedDays: 610,
  },
  {
    id: 'charade',
    title: 'Charade',
    year: 1963,
    released: '1963-12-05',
    minutes: 113,
    directors: ['Stanley Donen'],
    writers: ['Peter Stone', 'Marc Behm'],
    producers: ['Stanley Donen'],
    cast: [
      ['Cary Grant', 'Peter Joshua'],
      ['Audrey Hepburn', 'Regina Lampert'],
      ['Walter Matthau', 'Hamilton Bartholomew'],
      ['James Coburn', 'Tex Panthollow'],
      ['George Kennedy', 'Herman Scobie'],
      ['Ned Glass', 'Leopold W. Gideon'],
    ],
    genres: ['Comedy', 'Mystery', 'Romance', 'Thriller'],
    studio: 'Universal Pictures',
    contentRating: 'Approved',
    countries: ['United States'],
    summary:
      'Back in Paris after a ski holiday, a young widow finds her flat emptied and her husband murdered. Several men want the fortune he stole, and the charming stranger helping her keeps changing his name.',
    rating: 9.3,
    audienceRating: 8.9,
    imdb: 'tt0056923',
    tmdb: 4808,
    aspect: 1.85,
    versions: [{ res: '1080', channels: 1, subtitles: ['eng', 'fra', 'spa'] }],
    addedDays: 580,
  },
  {
    id: 'the-general',
    title: 'The General',
    year: 1926,
    released: '1926-12-31',
    minutes: 79,
    directors: ['Clyde Bruckman', 'Buster Keaton'],
    writers: ['Al Boasberg', 'Clyde Bruckman', 'Buster Keaton', 'Charles Henry Smith'],
    producers: ['Joseph M. Schenck', 'Buster Keaton'],
    cast: [
      ['Buster Keaton', 'Johnnie Gray'],
      ['Marion Mack', 'Annabelle Lee'],
      ['Glen Cavender', 'Captain Anderson'],
      ['Jim Farley', 'General Thatcher'],
      ['Frederick Vroom', 'A Southern General'],
    ],
    genres: ['Action', 'Comedy', 'War'],
    studio: 'Buster Keaton Productions',
    contentRating: 'Not Rated',
    countries: ['United States'],
    summary:
      'Turned away by the Confederate army, a Georgia railroad engineer gets his chance when Union raiders steal his beloved locomotive. He gives chase alone, deep into enemy territory.',
    rating: 9.1,
    audienceRating: 9.0,
    imdb: 'tt0017925',
    tmdb: 961,
    aspect: 1.33,
    versions: [SILENT],
    addedDays: 560,
  },
  {
    id: 'nosferatu',
    title: 'Nosferatu',
    originalTitle: 'Nosferatu, eine Symphonie des Grauens',
    year: 1922,
    released: '1922-03-04',
    minutes: 94,
    directors: ['F. W. Murnau'],
    writers: ['Henrik Galeen'],
    producers: ['Enrico Dieckmann', 'Albin Grau'],
    cast: [
      ['Max Schreck', 'Count Orlok'],
      ['Gustav von Wangenheim', 'Thomas Hutter'],
      ['Greta Schröder', 'Ellen Hutter'],
      ['Alexander Granach', 'Knock'],
      ['Georg Heinrich Schnell', 'Harding'],
      ['Ruth Landshoff', 'Ruth'],
    ],
    genres: ['Horror', 'Fantasy'],
    studio: 'Prana-Film',
    contentRating: 'Not Rated',
    countries: ['Germany'],
    summary:
      'An estate agent travels to the Carpathians to sell a house to the reclusive Count Orlok, who follows him home by ship and brings plague to the town.',
    rating: 9.7,
    audienceRating: 8.6,
    imdb: 'tt0013442',
    tmdb: 653,
    aspect: 1.33,
    // German intertitles: the forced track translates them and nothing else.
    versions: [{ ...SILENT, subtitles: ['eng'], forcedSubtitles: ['eng'] }],
    addedDays: 540,
  },
  {
    id: 'metropolis',
    title: 'Metropolis',
    year: 1927,
    released: '1927-01-10',
    minutes: 148,
    directors: ['Fritz Lang'],
    writers: ['Thea von Harbou', 'Fritz Lang'],
    producers: ['Erich Pommer'],
    cast: [
      ['Brigitte Helm', 'Maria'],
      ['Alfred Abel', 'Joh Fredersen'],
      ['Gustav Fröhlich', 'Freder'],
      ['Rudolf Klein-Rogge', 'Rotwang'],
      ['Fritz Rasp', 'The Thin Man'],
      ['Theodor Loos', 'Josaphat'],
    ],
    genres: ['Drama', 'Science Fiction'],
    studio: 'UFA',
    contentRating: 'Not Rated',
    countries: ['Germany'],
    summary:
      "In a towering city run by an industrialist and powered by workers who live underground, the master's son falls for a young woman preaching peace below, and an inventor builds a machine in her likeness.",
    rating: 9.7,
    audienceRating: 9.3,
    imdb: 'tt0017136',
    tmdb: 19,
    aspect: 1.33,
    versions: [{ res: '720', container: 'mp4', audioLanguage: null, subtitles: ['eng'] }],
    addedDays: 500,
  },
  {
    id: 'sherlock-jr',
    title: 'Sherlock Jr.',
    year: 1924,
    released: '1924-04-21',
    minutes: 45,
    directors: ['Buster Keaton'],
    writers: ['Clyde Bruckman', 'Jean Havez', 'Joseph A. Mitchell'],
    producers: ['Joseph M. Schenck', 'Buster Keaton'],
    cast: [
      ['Buster Keaton', 'Projectionist / Sherlock Jr.'],
      ['Kathryn McGuire', 'The Girl'],
      ['Joe Keaton', "The Girl's Father"],
      ['Erwin Connelly', 'The Hired Man'],
      ['Ward Crane', 'The Local Sheik'],
    ],
    genres: ['Comedy', 'Mystery'],
    studio: 'Buster Keaton Productions',
    contentRating: 'Not Rated',
    countries: ['United States'],
    summary:
      'A small-town projectionist who studies to be a detective is framed for stealing a watch. Dozing in the booth, he dreams himself into the film on the screen as the great Sherlock Jr.',
    rating: 9.3,
    audienceRating: 9.0,
    imdb: 'tt0015324',
    tmdb: 992,
    aspect: 1.33,
    versions: [SILENT],
    addedDays: 470,
  },
  {
    id: 'detour',
    title: 'Detour',
    year: 1945,
    released: '1945-11-30',
    minutes: 68,
    directors: ['Edgar G. Ulmer'],
    writers: ['Martin Goldsmith'],
    producers: ['Leon Fromkess'],
    cast: [
      ['Tom Neal', 'Al Roberts'],
      ['Ann Savage', 'Vera'],
      ['Claudia Drake', 'Sue Harvey'],
      ['Edmund MacDonald', 'Charles Haskell Jr.'],
      ['Tim Ryan', 'Diner Proprietor'],
      ['Esther Howard', 'Holly'],
    ],
    genres: ['Crime', 'Drama', 'Thriller'],
    studio: 'PRC Pictures',
    contentRating: 'Approved',
    countries: ['United States'],
    summary:
      'A nightclub pianist hitchhiking to Los Angeles takes the identity of a driver who dies at the wheel. Then he picks up a passenger who knows exactly whose car it was.',
    rating: 9.3,
    audienceRating: 7.9,
    imdb: 'tt0037638',
    tmdb: 20367,
    labels: ['Criterion'],
    aspect: 1.37,
    versions: [{ res: '1080', channels: 1, subtitles: ['eng'] }],
    addedDays: 420,
  },
  {
    id: 'doa',
    title: 'D.O.A.',
    year: 1949,
    released: '1949-12-22',
    minutes: 84,
    directors: ['Rudolph Maté'],
    writers: ['Russell Rouse', 'Clarence Greene'],
    producers: ['Leo C. Popkin'],
    cast: [
      ["Edmond O'Brien", 'Frank Bigelow'],
      ['Pamela Britton', 'Paula Gibson'],
      ['Luther Adler', 'Majak'],
      ['Beverly Garland', 'Miss Foster'],
      ['Lynn Baggett', 'Mrs. Philips'],
      ['Neville Brand', 'Chester'],
    ],
    genres: ['Crime', 'Mystery', 'Thriller'],
    studio: 'Cardinal Pictures',
    contentRating: 'Approved',
    countries: ['United States'],
    summary:
      'An accountant on a week away in San Francisco learns he has swallowed a slow, incurable poison. With days to live, he sets out to find out who murdered him, and why.',
    rating: 9.0,
    audienceRating: 7.6,
    imdb: 'tt0042369',
    tmdb: 18995,
    aspect: 1.37,
    versions: [{ res: '720', container: 'mp4', channels: 1 }],
    addedDays: 400,
  },
  {
    id: 'the-little-shop-of-horrors',
    title: 'The Little Shop of Horrors',
    year: 1960,
    released: '1960-09-14',
    minutes: 72,
    directors: ['Roger Corman'],
    writers: ['Charles B. Griffith'],
    producers: ['Roger Corman'],
    cast: [
      ['Jonathan Haze', 'Seymour Krelboyne'],
      ['Jackie Joseph', 'Audrey Fulquard'],
      ['Mel Welles', 'Gravis Mushnick'],
      ['Dick Miller', 'Burson Fouch'],
      ['Myrtle Vail', 'Winifred Krelboyne'],
      ['Jack Nicholson', 'Wilbur Force'],
    ],
    genres: ['Comedy', 'Horror'],
    studio: 'The Filmgroup',
    contentRating: 'Not Rated',
    countries: ['United States'],
    summary:
      "A hapless Skid Row florist's assistant raises a strange hybrid plant that makes the shop famous. It talks, it grows, and it will only eat people.",
    rating: 8.8,
    audienceRating: 6.1,
    imdb: 'tt0054033',
    tmdb: 24452,
    labels: ['Halloween'],
    aspect: 1.85,
    versions: [{ res: '480', container: 'mp4', channels: 1 }],
    addedDays: 360,
  },
  {
    id: 'carnival-of-souls',
    title: 'Carnival of Souls',
    year: 1962,
    released: '1962-09-26',
    minutes: 78,
    directors: ['Herk Harvey'],
    writers: ['John Clifford', 'Herk Harvey'],
    producers: ['Herk Harvey'],
    cast: [
      ['Candace Hilligoss', 'Mary Henry'],
      ['Frances Feist', 'Mrs. Thomas'],
      ['Sidney Berger', 'John Linden'],
      ['Art Ellison', 'The Minister'],
      ['Herk Harvey', 'The Man'],
    ],
    genres: ['Horror', 'Mystery'],
    studio: 'Harcourt Productions',
    contentRating: 'Not Rated',
    countries: ['United States'],
    summary:
      'The only survivor of a car plunging off a Kansas bridge takes a job as a church organist in Utah. A pale stranger haunts her, and an abandoned lakeside pavilion keeps drawing her in.',
    rating: 8.6,
    audienceRating: 7.1,
    imdb: 'tt0055830',
    tmdb: 16093,
    labels: ['Halloween'],
    aspect: 1.85,
    versions: [{ res: '1080', channels: 1, subtitles: ['eng'] }],
    addedDays: 330,
  },
  {
    id: 'the-kid',
    title: 'The Kid',
    year: 1921,
    released: '1921-02-06',
    minutes: 68,
    directors: ['Charlie Chaplin'],
    writers: ['Charlie Chaplin'],
    producers: ['Charlie Chaplin'],
    cast: [
      ['Charlie Chaplin', 'A Tramp'],
      ['Jackie Coogan', 'The Child'],
      ['Edna Purviance', 'The Woman'],
      ['Carl Miller', 'The Man'],
      ['Tom Wilson', 'The Policeman'],
    ],
    genres: ['Comedy', 'Drama'],
    studio: 'Charles Chaplin Productions',
    contentRating: 'Not Rated',
    countries: ['United States'],
    summary:
      'The Tramp finds an abandoned baby in an alley and, after some reluctance, raises him. Five years on, the two run a window-mending racket until the authorities come for the boy.',
    rating: 10,
    audienceRating: 9.1,
    imdb: 'tt0012349',
    tmdb: 10098,
    aspect: 1.33,
    versions: [SILENT],
    addedDays: 300,
  },
  {
    id: 'plan-9-from-outer-space',
    title: 'Plan 9 from Outer Space',
    year: 1957,
    released: '1957-03-15',
    minutes: 79,
    directors: ['Edward D. Wood Jr.'],
    writers: ['Edward D. Wood Jr.'],
    producers: ['Edward D. Wood Jr.', 'J. Edward Reynolds'],
    cast: [
      ['Gregory Walcott', 'Jeff Trent'],
      ['Mona McKinnon', 'Paula Trent'],
      ['Tor Johnson', 'Inspector Daniel Clay'],
      ['Maila Nurmi', 'Vampire Girl'],
      ['Bela Lugosi', 'Ghoul Man'],
      ['Dudley Manlove', 'Eros'],
    ],
    genres: ['Horror', 'Science Fiction'],
    studio: 'Reynolds Pictures',
    contentRating: 'Not Rated',
    countries: ['United States'],
    summary:
      "Aliens alarmed by humanity's weapons enact their ninth plan: raising the dead of a California cemetery. A pilot, his wife and some baffled policemen stand in the way.",
    tagline: 'Unspeakable horrors from outer space paralyze the living and resurrect the dead!',
    rating: 6.6,
    audienceRating: 5.0,
    imdb: 'tt0052077',
    tmdb: 10513,
    aspect: 1.33,
    versions: [{ res: 'sd', container: 'mp4', channels: 1 }],
    addedDays: 260,
  },
  {
    id: 'the-phantom-of-the-opera',
    title: 'The Phantom of the Opera',
    titleSort: 'Phantom of the Opera',
    year: 1925,
    released: '1925-09-06',
    minutes: 93,
    directors: ['Rupert Julian'],
    writers: ['Elliott J. Clawson', 'Raymond L. Schrock'],
    producers: ['Carl Laemmle'],
    cast: [
      ['Lon Chaney', 'The Phantom'],
      ['Mary Philbin', 'Christine Daaé'],
      ['Norman Kerry', 'Vicomte Raoul de Chagny'],
      ['Arthur Edmund Carewe', 'Ledoux'],
      ['Gibson Gowland', 'Simon Buquet'],
      ['Snitz Edwards', 'Florine Papillon'],
    ],
    genres: ['Horror', 'Drama'],
    studio: 'Universal Pictures',
    contentRating: 'Not Rated',
    countries: ['United States'],
    summary:
      'A masked figure living in the cellars beneath the Paris Opera coaches a young understudy to stardom, then demands her devotion in return.',
    rating: 9.0,
    audienceRating: 8.2,
    imdb: 'tt0016220',
    tmdb: 964,
    locked: ['titleSort'],
    aspect: 1.33,
    versions: [{ ...SILENT, codec: 'hevc' }],
    addedDays: 200,
  },
  {
    id: 'sherlock-holmes-1916',
    title: 'Sherlock Holmes',
    year: 1916,
    released: '1916-05-15',
    minutes: 116,
    directors: ['Arthur Berthelet'],
    writers: ['H. S. Sheldon', 'William Gillette'],
    cast: [
      ['William Gillette', 'Sherlock Holmes'],
      ['Edward Fielding', 'Dr. Watson'],
      ['Ernest Maupain', 'Professor Moriarty'],
      ['Marjorie Kay', 'Alice Faulkner'],
    ],
    genres: ['Crime', 'Mystery'],
    studio: 'Essanay Studios',
    contentRating: 'Not Rated',
    countries: ['United States'],
    summary:
      "William Gillette's only filmed performance of the detective he played on stage for decades: Holmes must recover compromising letters held by Alice Faulkner before Professor Moriarty gets them.",
    audienceRating: 6.6,
    aspect: 1.33,
    versions: [SILENT],
    addedDays: 45,
  },
  {
    id: 'sherlock-holmes-1922',
    title: 'Sherlock Holmes',
    year: 1922,
    released: '1922-05-01',
    minutes: 85,
    directors: ['Albert Parker'],
    writers: ['Earle Browne', 'Marion Fairfax'],
    cast: [
      ['John Barrymore', 'Sherlock Holmes'],
      ['Roland Young', 'Dr. Watson'],
      ['Carol Dempster', 'Alice Faulkner'],
      ['Gustav von Seyffertitz', 'Professor Moriarty'],
      ['William Powell', 'Forman Wells'],
      ['Reginald Denny', 'Prince Alexis'],
    ],
    genres: ['Drama', 'Mystery'],
    studio: 'Goldwyn Pictures',
    contentRating: 'Not Rated',
    countries: ['United States'],
    summary:
      'John Barrymore plays Holmes, first as a Cambridge student clearing a prince of theft and years later matching wits with Professor Moriarty over a packet of letters.',
    audienceRating: 6.1,
    aspect: 1.33,
    versions: [{ res: '720', container: 'mp4', audioLanguage: null }],
    addedDays: 30,
  },
  {
    id: 'scarlet-street',
    title: 'Scarlet Street',
    year: 1945,
    released: '1945-12-28',
    minutes: 102,
    directors: ['Fritz Lang'],
    writers: ['Dudley Nichols'],
    producers: ['Fritz Lang', 'Walter Wanger'],
    cast: [
      ['Edward G. Robinson', 'Christopher Cross'],
      ['Joan Bennett', 'Katharine "Kitty" March'],
      ['Dan Duryea', 'Johnny Prince'],
      ['Margaret Lindsay', 'Millie Ray'],
      ['Rosalind Ivan', 'Adele Cross'],
      ['Jess Barker', 'Janeway'],
    ],
    genres: ['Crime', 'Drama', 'Thriller'],
    studio: 'Diana Production Company',
    contentRating: 'Approved',
    countries: ['United States'],
    summary:
      'A timid cashier who paints on Sundays falls for a young woman he rescues in Greenwich Village. She and her boyfriend see a mark, and start selling his paintings under her name.',
    rating: 9.0,
    audienceRating: 8.1,
    imdb: 'tt0038057',
    aspect: 1.37,
    versions: [{ res: '1080', channels: 1, subtitles: ['eng'] }],
    addedDays: 3,
  },
];

/** The demo's collections and their members, in the order PMS lists them. */
const COLLECTIONS: readonly {
  id: string;
  title: string;
  summary: string;
  members: readonly string[];
  addedDays: number;
}[] = [
  {
    id: 'silent-era',
    title: 'Silent Era',
    summary: 'Feature films from before synchronised sound.',
    members: [
      'sherlock-holmes-1916',
      'the-kid',
      'nosferatu',
      'sherlock-holmes-1922',
      'sherlock-jr',
      'the-phantom-of-the-opera',
      'the-general',
      'metropolis',
    ],
    addedDays: 540,
  },
  {
    id: 'film-noir',
    title: 'Film Noir',
    summary: 'Crime pictures of the 1940s, shot in shadow.',
    members: ['detour', 'scarlet-street', 'doa'],
    addedDays: 420,
  },
];

/** Adds the demo's films and collections to the Movies section. */
export function seedMovies(state: EmulatorState, refs: DemoRefs): void {
  for (const spec of MOVIES) {
    const addedAt = daysBefore(spec.addedDays, 20.25);
    const durationMs = mmss(spec.minutes);
    const folder = safeName(`${spec.title} (${spec.year})`);
    const guids: string[] = [];
    if (spec.imdb) guids.push(`imdb://${spec.imdb}`);
    if (spec.tmdb !== undefined) guids.push(`tmdb://${spec.tmdb}`);
    const item = state.addItem({
      type: 'movie',
      sectionId: SECTION_IDS.movies,
      title: spec.title,
      ...(spec.originalTitle ? { originalTitle: spec.originalTitle } : {}),
      ...(spec.titleSort ? { titleSort: spec.titleSort } : {}),
      year: spec.year,
      originallyAvailableAt: spec.released,
      duration: durationMs,
      studio: spec.studio,
      contentRating: spec.contentRating,
      summary: spec.summary,
      ...(spec.tagline ? { tagline: spec.tagline } : {}),
      ...(spec.rating === undefined ? {} : { rating: spec.rating }),
      audienceRating: spec.audienceRating,
      addedAt,
      updatedAt: addedAt + 3600,
      guids,
      tags: tagMap({
        genre: spec.genres,
        director: spec.directors,
        writer: spec.writers,
        producer: spec.producers ?? [],
        role: castList(spec.cast),
        country: spec.countries,
        label: spec.labels ?? [],
      }),
      locked: new Set(spec.locked ?? []),
    });
    item.media = spec.versions.map((version) =>
      videoMedia(
        state,
        `/data/media/movies/${folder}/${folder}${version.suffix ?? ''}.${version.container ?? 'mkv'}`,
        durationMs,
        spec.aspect,
        version,
      ),
    );
    item.artwork = artworkFor(item.ratingKey, { poster: [TMDB, TMDB, LOCAL], art: [TMDB, TMDB] });
    refs.set(`movie:${spec.id}`, item.ratingKey);
  }

  for (const spec of COLLECTIONS) {
    const addedAt = daysBefore(spec.addedDays, 21);
    const collection = state.addItem({
      type: 'collection',
      sectionId: SECTION_IDS.movies,
      title: spec.title,
      summary: spec.summary,
      subtype: 'movie',
      smart: false,
      collectionMode: '-1',
      collectionSort: '0',
      addedAt,
      updatedAt: addedAt,
    });
    collection.childKeys = spec.members.map((member) => refs.get(`movie:${member}`));
    collection.artwork = artworkFor(collection.ratingKey, { poster: [LOCAL], art: [LOCAL] });
    for (const key of collection.childKeys) {
      const member = state.items.get(key);
      if (!member) continue;
      member.tags.collection = [...(member.tags.collection ?? []), { tag: spec.title }];
    }
    refs.set(`collection:${spec.id}`, collection.ratingKey);
  }
}
