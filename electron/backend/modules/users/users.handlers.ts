import type { usersContract } from '../../../../shared/api/users.contract';
import type { Handlers } from '../../api/handler';
import { createUser, listAllUsers, resetPassword, setActive, updateUserDetails } from './users.service';

export const usersHandlers: Handlers<keyof typeof usersContract> = {
  'users.list': ({ core }) => listAllUsers(core),
  'users.create': ({ core }, input) => createUser(core, input),
  'users.update': ({ core }, input) => updateUserDetails(core, input),
  'users.resetPassword': ({ core, session }, input) => resetPassword(core, session.userId, input),
  'users.setActive': ({ core, session }, input) => setActive(core, session.userId, input),
};
