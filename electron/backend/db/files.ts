import fs from 'node:fs';
import path from 'node:path';

/** Makes a rename or a new file in `dir` durable; a no-op where directories cannot be fsynced (Windows). */
export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // fsync on a directory is not supported on Windows; the rename is still atomic there.
  }
}

/** Atomic replace: write a temp file, fsync it, rename over the old one, fsync the folder. */
export function writeFileAtomic(file: string, bytes: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  fsyncDir(path.dirname(file));
}
