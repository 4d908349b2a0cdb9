import { constants, type FileHandle, open, readlink, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { LocalFilePolicy } from '../context.js';
import { ToolError } from '../errors.js';
import { imageType, SNIFF_BYTES } from './image-type.js';
import { joined, readAtMost } from './read-at-most.js';

/** Largest local image a tool uploads. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** An image read from a local file: its bytes and the type its first bytes show. */
export interface LocalImage {
  data: Uint8Array;
  contentType: string;
}

/** The refusal when the operator allows no local files at all. */
const FILES_OFF_MESSAGE =
  'This server does not read local files: its operator has not named an upload directory. ' +
  'Give the image as url instead.';

/** `details` of that refusal, so a server can tell its operator which setting names one. */
const LOCAL_FILES_OFF = { local_files: 'off' } as const;

/**
 * The one refusal for a file that cannot be used. Missing, unreadable, not a regular file,
 * outside the directory, too large, empty or not an image all read the same, so a caller
 * cannot map the server's filesystem by the answers.
 */
function fileRefusal(path: string, policy: LocalFilePolicy): string {
  const where = typeof policy === 'object' ? ', inside the upload directory' : '';
  return `Cannot use file_path "${path}": it must be a readable PNG, JPEG, GIF or WebP file of at most 20 MiB${where}.`;
}

// O_NONBLOCK: opening a FIFO must not wait for a writer (fstat refuses it next). Windows has
// neither flag, hence the fallbacks.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Reads the image at `path` (as a tool's caller gave it) under the operator's policy. The file
 * is opened once and everything after that asks the open handle, so it cannot be swapped between
 * a check and the read; the read stops one byte past the limit whatever the file claims to be.
 */
export async function readLocalImage(
  path: string,
  policy: LocalFilePolicy = 'anywhere',
): Promise<LocalImage> {
  if (policy === 'off')
    throw new ToolError('INVALID_INPUT', FILES_OFF_MESSAGE, { ...LOCAL_FILES_OFF });
  // Whatever failed (no such file, no permission, a loop of links…), the answer is the same.
  const image = await readAllowed(path, policy).catch(() => undefined);
  if (image === undefined) throw new ToolError('INVALID_INPUT', fileRefusal(path, policy));
  return image;
}

/** The image, or undefined when the file is no acceptable image. */
async function readAllowed(
  path: string,
  policy: 'anywhere' | { dir: string },
): Promise<LocalImage | undefined> {
  const handle = await openAllowed(path, policy);
  if (handle === undefined) return undefined;
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > MAX_IMAGE_BYTES) return undefined;
    const head = await readAtMost(handle, SNIFF_BYTES - 1);
    const contentType = imageType(head);
    // Refused before reading on: /proc/self/pagemap and friends start with no image mark.
    if (contentType === undefined) return undefined;
    const rest = await readAtMost(handle, MAX_IMAGE_BYTES - head.length);
    if (head.length + rest.length > MAX_IMAGE_BYTES) return undefined;
    return { data: joined([head, rest], head.length + rest.length), contentType };
  } finally {
    await handle.close();
  }
}

/** Opens `path` for reading; under a `{ dir }` policy only when it really lies inside `dir`. */
async function openAllowed(
  path: string,
  policy: 'anywhere' | { dir: string },
): Promise<FileHandle | undefined> {
  if (policy === 'anywhere') return open(path, OPEN_FLAGS);
  const root = await realpath(policy.dir);
  // realpath resolves every symlink, so a link inside the directory cannot point out of it.
  const real = await realpath(resolve(root, path));
  if (!isWithin(root, real)) return undefined;
  // The path checked is the path opened; a link swapped in for the file itself fails to open.
  const handle = await open(real, OPEN_FLAGS | NO_FOLLOW);
  // A directory swapped for a link after the check would still be followed: where /proc says
  // what the handle really opened (Linux), that is checked too.
  const opened = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
  if (opened !== undefined && !isWithin(root, opened)) {
    await handle.close();
    return undefined;
  }
  return handle;
}

/** True when `path` lies below `root` (both already free of symlinks and `..`). */
function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
