import { AppError } from '../../../../shared/api/result';
import type { Handlers } from '../../api/handler';
import type { AppCore } from '../../core';
import { backupFolder } from './backup.config';
import { backupNow, backupStatus, listBackups, restoreBackup, setBackupFolder } from './backup.service';

/** Restoring without logging in is for a damaged database or a new PC only. */
function assertRecoveryState(core: AppCore) {
  if (core.state !== 'corrupt' && core.state !== 'setup') {
    throw new AppError('FORBIDDEN', 'Een back-up terugzetten zonder in te loggen kan alleen als de database beschadigd is of op een nieuwe pc.');
  }
}

export const backupHandlers: Handlers<'backup.status' | 'backup.setFolder' | 'backup.now' | 'backup.restore' | 'recovery.listBackups' | 'recovery.restore'> = {
  'backup.status': async ({ core }) => backupStatus(core),
  'backup.setFolder': ({ core, session }, input) => setBackupFolder(core, input.folder, session.userId),
  'backup.now': ({ core, session }) => backupNow(core, 'manual', { userId: session.userId }),
  'backup.restore': ({ core, session }, input) => {
    // In the app the password is the logged-in manager's own: a second check, not a way in.
    if (input.credential.kind === 'password' && input.credential.username !== session.username) {
      throw new AppError('VALIDATION', 'Gebruik uw eigen wachtwoord.', { 'credential.username': 'Gebruik uw eigen gebruikersnaam.' });
    }
    return restoreBackup(core, { folder: backupFolder(core.options.dataDir).folder, file: input.file, credential: input.credential });
  },
  'recovery.listBackups': async ({ core }, input) => {
    assertRecoveryState(core);
    const folder = input.folder ?? backupFolder(core.options.dataDir).folder;
    return { folder, backups: listBackups(folder) };
  },
  'recovery.restore': ({ core }, input) => {
    assertRecoveryState(core);
    return restoreBackup(core, { folder: input.folder ?? backupFolder(core.options.dataDir).folder, file: input.file, credential: input.credential });
  },
};
