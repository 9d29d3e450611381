import { AppError } from '../../../../shared/api/result';
import type { Handlers } from '../../api/handler';
import { getLocation } from '../location/location.repository';
import { renderRecoveryKeyPdf } from '../../pdf/recoveryKey.pdf';
import { changeOwnPassword, lock, login, recover, rotateRecoveryKey, setup } from './auth.service';
import { createUser, listAllUsers, resetPassword, sessionInfo, setActive, updateUserDetails } from './users.service';

export const authHandlers: Handlers<
  | 'app.status'
  | 'setup.create'
  | 'setup.recoveryKeyPdf'
  | 'setup.recoveryKeySaved'
  | 'auth.login'
  | 'auth.recover'
  | 'auth.lock'
  | 'auth.changePassword'
  | 'session.touch'
  | 'security.rotateRecoveryKey'
> = {
  'app.status': async ({ core }) => {
    const state = core.state;
    return {
      state,
      locationName: state === 'setup' ? null : core.loadKeyring().locationName,
      session: state === 'unlocked' ? await sessionInfo(core) : null,
      loginDelaySeconds: core.loginDelaySeconds(),
      corruption: core.corruption,
      now: core.now().toISOString(),
    };
  },
  'setup.create': ({ core }, input) => setup(core, input),
  'setup.recoveryKeyPdf': async ({ core, session }) => {
    const recoveryKey = core.pendingRecoveryKey;
    if (!recoveryKey) {
      throw new AppError('NOT_FOUND', 'De herstelsleutel wordt alleen direct na het inrichten getoond en is niet meer beschikbaar.');
    }
    const location = await getLocation(core.db());
    const pdf = await renderRecoveryKeyPdf(core.options.resourcesDir, {
      recoveryKey,
      locationName: location?.name ?? '',
      lrkNumber: location?.lrk_number ?? '',
      createdAt: core.now(),
      createdBy: session.name,
    });
    await core.audit({ userId: session.userId, action: 'setup.recoveryKeyPdf' });
    return { fileName: 'herstelsleutel.pdf', base64: pdf.toString('base64') };
  },
  'setup.recoveryKeySaved': async ({ core, session }) => {
    core.pendingRecoveryKey = null;
    await core.audit({ userId: session.userId, action: 'setup.recoveryKeySaved' });
    return {};
  },
  'auth.login': ({ core }, input) => login(core, input),
  'auth.recover': ({ core }, input) => recover(core, input),
  'auth.lock': async ({ core }, input) => {
    core.pendingRecoveryKey = null;
    await lock(core, input.reason);
    return {};
  },
  'auth.changePassword': ({ core }, input) => changeOwnPassword(core, input),
  'session.touch': async () => ({}),
  'security.rotateRecoveryKey': ({ core }, input) => rotateRecoveryKey(core, input.currentPassword),
};

export const usersHandlers: Handlers<'users.list' | 'users.create' | 'users.update' | 'users.resetPassword' | 'users.setActive'> = {
  'users.list': ({ core }) => listAllUsers(core),
  'users.create': ({ core, session }, input) => createUser(core, session.userId, input),
  'users.update': ({ core, session }, input) => updateUserDetails(core, session.userId, input),
  'users.resetPassword': ({ core, session }, input) => resetPassword(core, session.userId, input),
  'users.setActive': ({ core, session }, input) => setActive(core, session.userId, input),
};
