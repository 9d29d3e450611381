import type { backupContract } from '../../../../shared/api/backup.contract';
import { AppError } from '../../../../shared/api/result';
import { msg } from '../../../../shared/i18n/translate';
import type { Handlers } from '../../api/handler';
import { backupFolder } from './backup.config';
import { backupNow, backupStatus, restoreBackup, setBackupFolder } from './backup.service';

export const backupHandlers: Handlers<keyof typeof backupContract> = {
  'backup.status': async ({ core }) => backupStatus(core),
  'backup.setFolder': async ({ core }, input) => setBackupFolder(core, input.folder),
  'backup.now': ({ core, session }) => backupNow(core, 'manual', { userId: session.userId }),
  'backup.restore': ({ core, session }, input) => {
    // In the app the password is the logged-in manager's own: a second check, not a way in.
    if (input.credential.kind === 'password' && input.credential.username !== session.username) {
      throw new AppError('VALIDATION', msg('backup.useOwnPassword'), { 'credential.username': msg('backup.useOwnUsername') });
    }
    return restoreBackup(core, { folder: backupFolder(core.options.dataDir).folder, file: input.file, credential: input.credential });
  },
};
