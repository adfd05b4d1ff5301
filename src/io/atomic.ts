/**
 * Atomic writes: a user's file is replaced whole or not at all. Text goes to a temporary file in
 * the target's own folder (so the rename stays on one file system), is flushed to disk, then
 * renamed over the target; a process killed at any moment leaves the complete old file or the
 * complete new one. A folder (the CSV form) is written to a sibling temporary folder and swapped
 * in with two renames; a kill between those two leaves the old folder beside the target as
 * `.<name>.old-…`, which the next {@link writeFolderAtomic} of that target puts back first.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const suffix = () => `${process.pid}-${randomBytes(4).toString('hex')}`;

/**
 * Writes text to a file atomically: pieces are written to `.<name>.tmp-…` beside the target,
 * flushed (`fsync`), and the temporary file renamed over the target. The parent folder is
 * created. On failure the temporary file is removed and the target is untouched.
 *
 * @example
 * await writeFileAtomic('out/jiuquan.json', ['{"meta":', '{}}\n']);
 */
export async function writeFileAtomic(path: string, pieces: Iterable<string> | string): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.tmp-${suffix()}`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      for (const piece of typeof pieces === 'string' ? [pieces] : pieces) await handle.write(piece, null, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts back the old folder of a swap that was interrupted between its two renames: when the
 * target is missing and a `.<name>.old-…` sibling exists, the newest such sibling becomes the
 * target again.
 */
async function recoverSwap(folder: string): Promise<void> {
  if (await exists(folder)) return;
  const parent = dirname(folder);
  const prefix = `.${basename(folder)}.old-`;
  let names: string[];
  try {
    names = (await readdir(parent)).filter((name) => name.startsWith(prefix)).sort();
  } catch {
    return;
  }
  const last = names[names.length - 1];
  if (last !== undefined) await rename(join(parent, last), folder);
}

/**
 * Writes a folder atomically as far as the file system allows: `fill` writes every file into a
 * fresh sibling folder `.<name>.tmp-…` (each file flushed there), then the old folder is renamed
 * aside, the new one renamed into place, and the old one removed. Readers never see a folder
 * that is half old, half new. Returns what `fill` returned.
 *
 * @example
 * await writeFolderAtomic('out/jiuquan', async (tmp) => { await writeFileAtomic(join(tmp, 'meta.csv'), 'key,value\r\n'); });
 */
export async function writeFolderAtomic<T>(folder: string, fill: (temporary: string) => Promise<T>): Promise<T> {
  const target = folder.replace(/[/\\]+$/u, '') || folder;
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  await recoverSwap(target);
  // a file where the folder should go is the user's, never swapped away
  const existing = await stat(target).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) throw new Error(`${target} exists and is not a folder; not replacing it`);
  const id = suffix();
  const temporary = join(parent, `.${basename(target)}.tmp-${id}`);
  const old = join(parent, `.${basename(target)}.old-${id}`);
  await mkdir(temporary);
  let result: T;
  try {
    result = await fill(temporary);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  const hadOld = await exists(target);
  if (hadOld) await rename(target, old);
  try {
    await rename(temporary, target);
  } catch (error) {
    if (hadOld) await rename(old, target);
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
  return result;
}

/** The real path of `path`, or of its folder joined with its name when it does not exist yet. */
async function realTarget(path: string): Promise<string | undefined> {
  try {
    return await realpath(path);
  } catch {
    try {
      return join(await realpath(dirname(path)), basename(path));
    } catch {
      return undefined;
    }
  }
}

/**
 * The first of `inputs` that `output` names, following symlinks and relative paths (a file and
 * a hard link to it count as the same too); undefined when none. Writers call it so that an
 * output never replaces the data it was made from.
 *
 * @example
 * await sameFileAs('./data/../data/jiuquan.json', ['data/jiuquan.json']); // → 'data/jiuquan.json'
 */
export async function sameFileAs(output: string, inputs: readonly string[]): Promise<string | undefined> {
  const target = await realTarget(output);
  let targetId: string | undefined;
  try {
    const info = await stat(output);
    targetId = `${info.dev}:${info.ino}`;
  } catch {
    targetId = undefined;
  }
  for (const input of inputs) {
    const real = await realTarget(input);
    if (real !== undefined && real === target) return input;
    if (targetId === undefined) continue;
    try {
      const info = await stat(input);
      if (`${info.dev}:${info.ino}` === targetId) return input;
    } catch {
      // an input that is gone cannot be overwritten
    }
  }
  return undefined;
}
