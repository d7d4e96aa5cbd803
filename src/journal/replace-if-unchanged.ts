import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from './read-journal.ts';

/** The file is no longer the version that was read: an editor saved it. Nothing of that save was lost. */
export class FileChangedMeanwhile extends Error {}

/**
 * Puts `replacement` (a complete temp file in the same directory) in place of `file`, but only while `file` still
 * holds the bytes hashed `expectedHash`, so an editor saving at the same moment never loses its save. A plain
 * rename cannot compare first, so:
 *   1. move the file aside (atomic: from here on, a save either went into the moved inode, or creates a new file);
 *   2. check the moved bytes: changed → put them back, unless a newer save already took the name;
 *   3. link the replacement to the name, which fails if an editor created the file meanwhile (theirs stays);
 *   4. check the moved bytes again: an editor writing in place into the old inode since step 2 gets it back.
 * For the microseconds between 1 and 3 the name is absent. Filesystems without hard links fall back to rename.
 */
export async function replaceIfUnchanged(
  file: string,
  replacement: string,
  expectedHash: string,
  /** Tests only: runs where a concurrent save is most dangerous (moved aside; replacement linked). */
  pause: (at: 'aside' | 'linked') => Promise<void> = async () => {},
): Promise<void> {
  const aside = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.old`);
  try {
    await rename(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new FileChangedMeanwhile(`${file} disappeared`);
    throw err;
  }
  await pause('aside');
  if (sha256(await readFile(aside)) !== expectedHash) {
    await putBack(aside, file);
    throw new FileChangedMeanwhile(`${file} was saved after it was read`);
  }
  try {
    await link(replacement, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      // A save created the file while it was aside: that save is newer than the bytes set aside.
      await rm(aside, { force: true });
      throw new FileChangedMeanwhile(`${file} was saved while results were being written`);
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') {
      await putBack(aside, file);
      throw err;
    }
    await rename(replacement, file);
  }
  await pause('linked');
  if (sha256(await readFile(aside)) !== expectedHash) {
    await rename(aside, file); // the in-place save wins over the results; the caller judges it again
    await rm(replacement, { force: true });
    throw new FileChangedMeanwhile(`${file} was saved in place while results were being written`);
  }
  await rm(aside, { force: true });
  await rm(replacement, { force: true });
}

async function putBack(aside: string, file: string): Promise<void> {
  try {
    await link(aside, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      await rename(aside, file);
      return;
    }
    // A newer save took the name: it supersedes the bytes set aside.
  }
  await rm(aside, { force: true });
}
