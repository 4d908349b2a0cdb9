import type { EmulatorState } from '../../state/store.js';
import {
  artworkFor,
  castList,
  daysBefore,
  LOCAL,
  mmss,
  SECTION_IDS,
  safeName,
  TVDB,
  tagMap,
  type VideoVersion,
  videoMedia,
} from './builders.js';
import type { DemoRefs } from './refs.js';

/** One episode: its real title and first air date, and a summary in our own words. */
interface EpisodeSpec {
  title: string;
  aired: string;
  /** Running time as [minutes, seconds]. */
  runtime: readonly [number, number];
  summary: string;
  directors?: readonly string[];
  writers?: readonly string[];
  guests?: readonly (readonly [actor: string, character: string])[];
}

interface ShowSpec {
  /** Name used by the rest of the demo data (`show:{id}`, `episode:{id}/{season}/{episode}`). */
  id: string;
  title: string;
  premiered: string;
  network: string;
  contentRating: string;
  summary: string;
  genres: readonly string[];
  cast: readonly (readonly [actor: string, character: string])[];
  audienceRating: number;
  imdb?: string;
  addedDays: number;
  /** How the episodes were ripped. */
  version: VideoVersion;
  seasons: readonly { index: number; episodes: readonly EpisodeSpec[] }[];
}

/**
 * Three early series with public-domain episodes (copyrights that were never renewed), with
 * their real episode titles and US air dates.
 */
const SHOWS: readonly ShowSpec[] = [
  {
    id: 'beverly-hillbillies',
    title: 'The Beverly Hillbillies',
    premiered: '1962-09-26',
    network: 'CBS',
    contentRating: 'TV-G',
    summary:
      'When oil turns up on his Ozark land, widower Jed Clampett moves his family to a Beverly Hills mansion next door to his anxious banker, and changes none of his habits.',
    genres: ['Comedy', 'Family'],
    cast: [
      ['Buddy Ebsen', 'Jed Clampett'],
      ['Irene Ryan', 'Daisy "Granny" Moses'],
      ['Donna Douglas', 'Elly May Clampett'],
      ['Max Baer Jr.', 'Jethro Bodine'],
      ['Raymond Bailey', 'Milburn Drysdale'],
      ['Nancy Kulp', 'Jane Hathaway'],
    ],
    audienceRating: 7.4,
    imdb: 'tt0055662',
    addedDays: 520,
    version: { res: '480', channels: 1 },
    seasons: [
      {
        index: 1,
        episodes: [
          {
            title: 'The Clampetts Strike Oil',
            aired: '1962-09-26',
            runtime: [25, 41],
            summary:
              'An oil company surveyor finds crude in the swamp behind the Clampett cabin, and Cousin Pearl talks Jed into taking his new fortune to California.',
            writers: ['Paul Henning'],
          },
          {
            title: 'Getting Settled',
            aired: '1962-10-03',
            runtime: [25, 38],
            summary:
              'The family arrives at the mansion and starts making it feel like home, while banker Milburn Drysdale works to keep his richest depositors happy.',
          },
          {
            title: 'Meanwhile, Back at the Cabin',
            aired: '1962-10-10',
            runtime: [25, 36],
            summary:
              'The Clampetts are still finding their feet in Beverly Hills, and the cabin they left behind is never far from their minds.',
          },
          {
            title: 'The Clampetts Meet Mrs. Drysdale',
            aired: '1962-10-17',
            runtime: [25, 40],
            summary:
              "Margaret Drysdale is appalled by her new neighbours, and her husband scrambles to keep the peace before the Clampetts' millions leave his bank.",
          },
          {
            title: 'Jed Buys Stock',
            aired: '1962-10-24',
            runtime: [25, 35],
            summary:
              'Jed decides to put some of his money into stock, and Drysdale hurries to steer the investment.',
          },
          {
            title: 'Trick or Treat',
            aired: '1962-10-31',
            runtime: [25, 39],
            summary: 'The Clampetts meet their first Beverly Hills Halloween.',
          },
        ],
      },
    ],
  },
  {
    id: 'bonanza',
    title: 'Bonanza',
    premiered: '1959-09-12',
    network: 'NBC',
    contentRating: 'TV-PG',
    summary:
      'Widower Ben Cartwright and his three very different sons run the thousand-square-mile Ponderosa ranch near Virginia City, Nevada, in the years of the Comstock silver boom.',
    genres: ['Western', 'Drama'],
    cast: [
      ['Lorne Greene', 'Ben Cartwright'],
      ['Pernell Roberts', 'Adam Cartwright'],
      ['Dan Blocker', 'Eric "Hoss" Cartwright'],
      ['Michael Landon', 'Joseph "Little Joe" Cartwright'],
      ['Victor Sen Yung', 'Hop Sing'],
    ],
    audienceRating: 7.5,
    imdb: 'tt0052451',
    addedDays: 380,
    version: { res: '1080', channels: 1, closedCaptions: true },
    seasons: [
      {
        index: 1,
        episodes: [
          {
            title: 'A Rose for Lotta',
            aired: '1959-09-12',
            runtime: [50, 12],
            summary:
              'Mining bosses who want Ponderosa timber hire the entertainer Lotta Crabtree to lure Little Joe into town and hold him as a bargaining chip.',
            directors: ['Edward Ludwig'],
            writers: ['David Dortort'],
            guests: [
              ['Yvonne De Carlo', 'Lotta Crabtree'],
              ['George Macready', 'Alpheus Troy'],
            ],
          },
          {
            title: 'Death on Sun Mountain',
            aired: '1959-09-19',
            runtime: [50, 5],
            summary:
              'A profiteer and his partner stage raids dressed as Paiutes to turn Virginia City against the tribe, and the Cartwrights set out to expose them.',
            directors: ['Paul Landres'],
            writers: ['Gene L. Coon'],
            guests: [['Barry Sullivan', 'Mark Burdette']],
          },
          {
            title: 'The Newcomers',
            aired: '1959-09-26',
            runtime: [50, 9],
            summary:
              "Ben evicts a crew planning to strip Ponderosa land with hydraulic mining, but Hoss falls for the crew boss's sister, who is gravely ill.",
          },
          {
            title: 'The Paiute War',
            aired: '1959-10-03',
            runtime: [50, 2],
            summary:
              "A trader's abuse of two Paiute women starts a war, the trader blames Adam, and the Paiutes take Adam hostage.",
          },
          {
            title: 'Enter Mark Twain',
            aired: '1959-10-10',
            runtime: [50, 14],
            summary:
              "A young reporter named Samuel Clemens joins Virginia City's newspaper, and his pen soon makes enemies.",
          },
        ],
      },
      {
        index: 2,
        episodes: [
          {
            title: 'Showdown',
            aired: '1960-09-10',
            runtime: [50, 8],
            summary:
              "A young bank robber hires on at the Ponderosa to keep his gang posted on the law's search for them, and only Little Joe is suspicious.",
            directors: ['Lewis Allen'],
            writers: ['Dean Riesner'],
            guests: [['Ben Cooper', 'Sam Kirby']],
          },
          {
            title: 'The Mission',
            aired: '1960-09-17',
            runtime: [50, 11],
            summary:
              'Hoss talks an army captain into hiring a disgraced, hard-drinking scout to lead a troop and its payroll across the desert, and rides along to see him through.',
            directors: ['James Neilson'],
            writers: ['Robert E. Thompson'],
            guests: [
              ['Henry Hull', 'Charlie Trent'],
              ['John Dehner', 'Captain Pender'],
            ],
          },
          {
            title: 'Badge Without Honor',
            aired: '1960-09-24',
            runtime: [50, 4],
            summary:
              'A deputy marshal who once saved Adam arrives to take in a friend of the Cartwrights as a witness, but his real errand is murder.',
            directors: ['Arthur Lubin'],
            writers: ['John Twist'],
            guests: [['Dan Duryea', 'Gerald Eskith']],
          },
          {
            title: 'The Mill',
            aired: '1960-10-01',
            runtime: [50, 10],
            summary:
              'The Cartwrights build a grist mill to give a crippled rancher an income, though he blames Ben for his injury.',
            writers: ['Halsted Welles'],
          },
        ],
      },
    ],
  },
  {
    id: 'one-step-beyond',
    title: 'One Step Beyond',
    premiered: '1959-01-20',
    network: 'ABC',
    contentRating: 'TV-PG',
    summary:
      'Host John Newland introduces dramatisations of premonitions, possessions and other events presented as true accounts of the unexplained.',
    genres: ['Drama', 'Mystery', 'Sci-Fi & Fantasy'],
    cast: [['John Newland', 'Host']],
    audienceRating: 7.6,
    addedDays: 150,
    version: { res: '480', container: 'mp4', channels: 1 },
    seasons: [
      {
        index: 1,
        episodes: [
          {
            title: 'The Bride Possessed',
            aired: '1959-01-20',
            runtime: [25, 30],
            summary:
              'On her honeymoon a young bride begins acting like a stranger who fell to her death nearby weeks before, and the dead woman wants it known she did not jump.',
            directors: ['John Newland'],
          },
          {
            title: 'Night of April 14th',
            aired: '1959-01-27',
            runtime: [25, 27],
            summary:
              'A young woman about to sail on the Titanic is tormented by dreams of drowning.',
            directors: ['John Newland'],
            guests: [['Patrick Macnee', 'Eric']],
          },
          {
            title: 'Emergency Only',
            aired: '1959-02-03',
            runtime: [25, 31],
            summary:
              'At a cocktail party a guest predicts that a sceptical man will share a train compartment with a woman carrying a knife.',
            directors: ['John Newland'],
          },
          {
            title: 'The Dark Room',
            aired: '1959-02-10',
            runtime: [25, 29],
            summary:
              'A photographer renting a house in France takes portraits of a visitor who does not appear in the prints.',
            directors: ['John Newland'],
          },
          {
            title: 'Twelve Hours to Live',
            aired: '1959-02-17',
            runtime: [25, 33],
            summary:
              'After a quarrel, a man crashes his car into a bog and is trapped beneath it; his wife senses it, but cannot convince the police.',
            directors: ['John Newland'],
          },
        ],
      },
    ],
  },
];

/** Adds the demo's shows, seasons and episodes to the TV Shows section. */
export function seedTv(state: EmulatorState, refs: DemoRefs): void {
  for (const spec of SHOWS) {
    const addedAt = daysBefore(spec.addedDays, 19.5);
    const year = Number(spec.premiered.slice(0, 4));
    const show = state.addItem({
      type: 'show',
      sectionId: SECTION_IDS.tv,
      title: spec.title,
      year,
      originallyAvailableAt: spec.premiered,
      studio: spec.network,
      contentRating: spec.contentRating,
      summary: spec.summary,
      audienceRating: spec.audienceRating,
      addedAt,
      updatedAt: addedAt + 7200,
      guids: spec.imdb ? [`imdb://${spec.imdb}`] : [],
      tags: tagMap({ genre: spec.genres, role: castList(spec.cast), country: ['United States'] }),
    });
    show.artwork = artworkFor(show.ratingKey, {
      poster: [TVDB, TVDB, LOCAL],
      art: [TVDB, TVDB],
      banner: [TVDB],
    });
    refs.set(`show:${spec.id}`, show.ratingKey);

    for (const seasonSpec of spec.seasons) {
      const seasonAdded = addedAt + seasonSpec.index * 60;
      const season = state.addItem({
        type: 'season',
        sectionId: SECTION_IDS.tv,
        title: `Season ${seasonSpec.index}`,
        index: seasonSpec.index,
        parentRatingKey: show.ratingKey,
        addedAt: seasonAdded,
        updatedAt: seasonAdded,
      });
      season.artwork = artworkFor(season.ratingKey, { poster: [TVDB, TVDB] });
      refs.set(`season:${spec.id}/${seasonSpec.index}`, season.ratingKey);

      seasonSpec.episodes.forEach((episodeSpec, at) => {
        const index = at + 1;
        const durationMs = mmss(...episodeSpec.runtime);
        const code = `S${pad(seasonSpec.index)}E${pad(index)}`;
        const file = `/data/media/tv/${safeName(spec.title)}/Season ${pad(seasonSpec.index)}/${safeName(`${spec.title} - ${code} - ${episodeSpec.title}`)}.${spec.version.container ?? 'mkv'}`;
        const episode = state.addItem({
          type: 'episode',
          sectionId: SECTION_IDS.tv,
          title: episodeSpec.title,
          index,
          parentIndex: seasonSpec.index,
          parentRatingKey: season.ratingKey,
          grandparentRatingKey: show.ratingKey,
          year: Number(episodeSpec.aired.slice(0, 4)),
          originallyAvailableAt: episodeSpec.aired,
          duration: durationMs,
          contentRating: spec.contentRating,
          summary: episodeSpec.summary,
          addedAt: seasonAdded,
          updatedAt: seasonAdded + index,
          tags: tagMap({
            director: episodeSpec.directors ?? [],
            writer: episodeSpec.writers ?? [],
            role: castList(episodeSpec.guests ?? []),
          }),
        });
        episode.media = [videoMedia(state, file, durationMs, 1.33, spec.version)];
        episode.artwork = artworkFor(episode.ratingKey, { poster: [TVDB] });
        refs.set(`episode:${spec.id}/${seasonSpec.index}/${index}`, episode.ratingKey);
      });
    }
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
