/** Bytes at an offset that a format's files always carry. */
type Mark = { at: number; bytes: number[] };

/** Image formats told by their first bytes; nothing else is ever uploaded to Plex. */
const SIGNATURES: { type: string; marks: Mark[] }[] = [
  {
    type: 'image/png',
    marks: [{ at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }],
  },
  { type: 'image/jpeg', marks: [{ at: 0, bytes: [0xff, 0xd8, 0xff] }] },
  { type: 'image/gif', marks: [{ at: 0, bytes: [0x47, 0x49, 0x46, 0x38] }] },
  // "RIFF", four bytes of size, then "WEBP".
  {
    type: 'image/webp',
    marks: [
      { at: 0, bytes: [0x52, 0x49, 0x46, 0x46] },
      { at: 8, bytes: [0x57, 0x45, 0x42, 0x50] },
    ],
  },
];

/** How many leading bytes `imageType` needs to tell every format apart. */
export const SNIFF_BYTES = 12;

/** The MIME type the first bytes of `data` show, or undefined for anything but PNG, JPEG, GIF or WebP. */
export function imageType(data: Uint8Array): string | undefined {
  const carries = ({ at, bytes }: Mark) => bytes.every((byte, i) => data[at + i] === byte);
  return SIGNATURES.find(({ marks }) => marks.every(carries))?.type;
}
