import type { childrenContract } from '../../../../shared/api/children.contract';
import type { Handlers } from '../../api/handler';
import { createChild, listChildren, loadChild, updateChild } from './children.service';

export const childrenHandlers: Handlers<keyof typeof childrenContract> = {
  'children.create': async ({ core, session }, input) => loadChild(core.db(), session, await createChild(core, session, input), core.today()),
  'children.update': async ({ core, session }, input) => {
    await updateChild(core, input);
    return loadChild(core.db(), session, input.id, core.today());
  },
  'children.get': ({ core, session }, input) => loadChild(core.db(), session, input.id, core.today()),
  'children.list': ({ core }, input) => listChildren(core.db(), input, core.today()),
};
