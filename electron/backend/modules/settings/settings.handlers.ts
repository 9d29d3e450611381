import type { settingsContract } from '../../../../shared/api/settings.contract';
import type { Handlers } from '../../api/handler';
import { sessionInfo } from '../session/session.service';
import { updateSettings } from './settings.service';

export const settingsHandlers: Handlers<keyof typeof settingsContract> = {
  'settings.update': async ({ core }, input) => {
    await updateSettings(core, input);
    return sessionInfo(core);
  },
};
