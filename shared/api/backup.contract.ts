import { z } from 'zod';
import type { MethodDef } from './contract';
import { Username } from './schemas';

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;

/** Rotation (bewaarschema): the newest backup of each of the last 14 days and of each of the last 8 weeks. */
export const BACKUP_ROTATION = { daily: 14, weekly: 8 } as const;

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

const BackupFileName = z
  .string({ error: 'Kies een back-up.' })
  .min(1, 'Kies een back-up.')
  .max(200)
  .refine((name) => !/[/\\]/.test(name) && name !== '..' && name !== '.', 'Kies een back-up uit de lijst.');

const FolderInput = z
  .string({ error: 'Vul een map in.' })
  .trim()
  .min(1, 'Vul een map in.')
  .max(1000, 'Dit pad is te lang.');

/** How the backup's database key is unwrapped: a manager's password or the herstelsleutel. */
export const RestoreCredential = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('password'), username: Username, password: z.string().min(1, 'Vul het wachtwoord in.').max(256) }),
  z.object({ kind: z.literal('recoveryKey'), recoveryKey: z.string().trim().min(1, 'Vul de herstelsleutel in.').max(100) }),
]);
export type RestoreCredential = z.infer<typeof RestoreCredential>;

export const RestoreResult = z.object({
  restored: BackupInfo,
  /** Folder inside the data folder where the replaced database and keyring were kept aside. */
  keptAside: z.string().nullable(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

export const backupContract = {
  'backup.status': def({ input: z.object({}), output: BackupStatus, permission: 'backup.manage' }),
  'backup.setFolder': def({ input: z.object({ folder: FolderInput }), output: BackupStatus, permission: 'backup.manage' }),
  /** "Nu back-up maken": writes, checks and rotates; returns the new backup. */
  'backup.now': def({ input: z.object({}), output: BackupInfo, permission: 'backup.manage' }),
  /** Verifies the backup, keeps the current database aside, puts the backup in place and locks the app. */
  'backup.restore': def({ input: z.object({ file: BackupFileName, credential: RestoreCredential }), output: RestoreResult, permission: 'backup.manage' }),
  /**
   * Without a session, only while the database is damaged or on a fresh installation (another
   * PC): list the backups in a folder and restore one. The credential is the proof of access.
   */
  'recovery.listBackups': def({ input: z.object({ folder: FolderInput.optional() }), output: z.object({ folder: z.string(), backups: z.array(BackupInfo) }), permission: 'public' }),
  'recovery.restore': def({
    input: z.object({ folder: FolderInput.optional(), file: BackupFileName, credential: RestoreCredential }),
    output: RestoreResult,
    permission: 'public',
  }),
} satisfies Record<string, MethodDef>;
