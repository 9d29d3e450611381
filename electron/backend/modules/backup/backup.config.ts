import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../db/files';

/**
 * Backup settings live in a small plain file beside the database, not in it: the corruption
 * screen and the support CLI must find the backups exactly when the database cannot be read.
 * It holds a folder path and the last failure — no personal data.
 */
const BackupConfig = z.object({
  folder: z.string().nullable().default(null),
  lastError: z.object({ at: z.string(), message: z.string() }).nullable().default(null),
});
export type BackupConfig = z.infer<typeof BackupConfig>;

const configFile = (dataDir: string) => path.join(dataDir, 'back-up.json');

/** Until the manager chooses one: a folder inside the data folder (same disk, so the UI warns). */
const defaultBackupFolder = (dataDir: string) => path.join(dataDir, 'back-ups');

export function readBackupConfig(dataDir: string): BackupConfig {
  try {
    return BackupConfig.parse(JSON.parse(fs.readFileSync(configFile(dataDir), 'utf8')));
  } catch {
    return BackupConfig.parse({});
  }
}

export function writeBackupConfig(dataDir: string, changes: Partial<BackupConfig>): BackupConfig {
  const next = { ...readBackupConfig(dataDir), ...changes };
  writeFileAtomic(configFile(dataDir), Buffer.from(JSON.stringify(next, null, 2), 'utf8'));
  return next;
}

export function backupFolder(dataDir: string): { folder: string; isDefault: boolean } {
  const { folder } = readBackupConfig(dataDir);
  return folder ? { folder, isDefault: false } : { folder: defaultBackupFolder(dataDir), isDefault: true };
}
