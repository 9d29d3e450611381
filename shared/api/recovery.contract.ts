import { z } from 'zod';
import { BackupFileName, BackupInfo, FolderInput, RestoreCredential, RestoreResult } from './backup.contract';
import type { MethodDef } from './contract';
import { method } from './method';

/**
 * Without a session, only while the database is damaged or on a fresh installation (another
 * PC): list the backups in a folder and restore one. The credential is the proof of access.
 * The restore is not audited by the dispatcher (see backup.restore).
 */
export const recoveryContract = {
  'recovery.listBackups': method({
    input: z.object({ folder: FolderInput.optional() }),
    output: z.object({ folder: z.string(), backups: z.array(BackupInfo) }),
    permission: 'public',
    shows: ['backups'],
  }),
  'recovery.restore': method({
    input: z.object({ folder: FolderInput.optional(), file: BackupFileName, credential: RestoreCredential }),
    output: RestoreResult,
    permission: 'public',
    changes: ['backups', 'session'],
  }),
} satisfies Record<string, MethodDef>;
