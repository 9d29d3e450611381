import type { groupsContract } from '../../../../shared/api/groups.contract';
import type { Handlers } from '../../api/handler';
import { createGroup, listGroups, mergeGroups, removeGroup, restoreGroup, updateGroup } from './groups.service';

export const groupsHandlers: Handlers<keyof typeof groupsContract> = {
  'groups.list': ({ core }) => listGroups(core.db()),
  'groups.create': ({ core }, input) => createGroup(core, input),
  'groups.update': ({ core }, input) => updateGroup(core, input),
  'groups.remove': ({ core }, input) => removeGroup(core, input.id),
  'groups.restore': ({ core }, input) => restoreGroup(core, input.id),
  'groups.merge': ({ core }, input) => mergeGroups(core, input),
};
