import type { recoveryContract } from '../../../../shared/api/recovery.contract';
import { AppError } from '../../../../shared/api/result';
import { msg } from '../../../../shared/i18n/translate';
import type { Handlers } from '../../api/handler';
import type { AppCore } from '../../core';
import { backupFolder } from '../backup/backup.config';
import { listBackups, restoreBackup } from '../backup/backup.service';

/** Restoring without logging in is for a damaged database or a new PC only. */
function assertRecoveryState(core: AppCore) {
  if (core.state !== 'corrupt' && core.state !== 'setup') throw new AppError('FORBIDDEN', msg('backup.recoveryOnlyWhenNeeded'));
}

export const recoveryHandlers: Handlers<keyof typeof recoveryContract> = {
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
