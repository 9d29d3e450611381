import { z } from 'zod';
import { zm } from '../i18n/translate';
import type { MethodDef } from './contract';
import { method } from './method';
import { Username } from './schemas';

/**
 * Rotation (bewaarschema): the newest backup of each of the last 14 days and of each of the last
 * 8 weeks, and never a backup older than 8 weeks (`weekly`): destroyed data live in backups for at
 * most that long.
 */
export const BACKUP_ROTATION = { daily: 14, weekly: 8 } as const;

/** The replaced database kept aside on a restore (`voor-herstel-<time>/`) goes once the restored one has been in use this long. */
export const KEPT_ASIDE_DAYS = 30;

/** Why a backup was made: the daily run, the manager's button, or just before a risky change. */
export const BackupReason = z.enum(['daily', 'manual', 'migration', 'destruction']);
export type BackupReason = z.infer<typeof BackupReason>;

export const BackupInfo = z.object({
  /** File name inside the backup folder (never a full path from the renderer). */
  file: z.string(),
  createdAt: z.string(),
  reason: BackupReason,
  sizeBytes: z.number().int(),
  /** Last database migration contained in the backup. */
  schemaVersion: z.string(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupStatus = z.object({
  folder: z.string(),
  /** True while the manager has not chosen a folder: backups then sit on the same disk as the data. */
  folderIsDefault: z.boolean(),
  rotation: z.object({ daily: z.number().int(), weekly: z.number().int() }),
  lastBackup: BackupInfo.nullable(),
  /** The last automatic backup that failed, if the latest attempt failed. */
  lastError: z.object({ at: z.string(), message: z.string() }).nullable(),
  backups: z.array(BackupInfo),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const BackupFileName = z
  .string({ error: zm('backup.fileRequired') })
  .min(1, zm('backup.fileRequired'))
  .max(200)
  .refine((name) => !/[/\\]/.test(name) && name !== '..' && name !== '.', zm('backup.fileFromList'));

export const FolderInput = z
  .string({ error: zm('backup.folderRequired') })
  .trim()
  .min(1, zm('backup.folderRequired'))
  .max(1000, zm('backup.pathTooLong'));

/** How the backup's database key is unwrapped: a manager's password or the herstelsleutel. */
export const RestoreCredential = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('password'), username: Username, password: z.string().min(1, zm('backup.passwordRequired')).max(256) }),
  z.object({ kind: z.literal('recoveryKey'), recoveryKey: z.string().trim().min(1, zm('auth.recoveryKeyRequired')).max(100) }),
]);
export type RestoreCredential = z.infer<typeof RestoreCredential>;

export const RestoreResult = z.object({
  restored: BackupInfo,
  /** Folder inside the data folder where the replaced database and keyring were kept aside. */
  keptAside: z.string().nullable(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

/**
 * Back-ups (manager). A backup is written with VACUUM INTO, which cannot run in a transaction,
 * and a restore replaces the database: neither is audited by the dispatcher. `backupNow` writes
 * `backup.create` for every backup (also the daily one, before a migration or a destruction run,
 * and from the support CLI); `restoreBackup` writes `backup.restore` as the first row of the
 * restored database before it closes it.
 */
export const backupContract = {
  'backup.status': method({ input: z.object({}), output: BackupStatus, permission: 'backup.manage', shows: ['backups'] }),
  'backup.setFolder': method({
    input: z.object({ folder: FolderInput }),
    output: BackupStatus,
    permission: 'backup.manage',
    audit: { kind: 'write', data: 'security' },
    changes: ['backups'],
  }),
  /** "Nu back-up maken": writes, checks and rotates; returns the new backup. */
  'backup.now': method({ input: z.object({}), output: BackupInfo, permission: 'backup.manage', changes: ['backups'] }),
  /** Verifies the backup, keeps the current database aside, puts the backup in place and locks the app. */
  'backup.restore': method({
    input: z.object({ file: BackupFileName, credential: RestoreCredential }),
    output: RestoreResult,
    permission: 'backup.manage',
    changes: ['backups', 'session'],
  }),
} satisfies Record<string, MethodDef>;
