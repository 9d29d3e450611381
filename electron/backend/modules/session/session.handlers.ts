import type { sessionContract } from '../../../../shared/api/session.contract';
import type { Handlers } from '../../api/handler';

export const sessionHandlers: Handlers<keyof typeof sessionContract> = {
  // The dispatcher has already counted the call as activity.
  'session.touch': async () => ({}),
};
