import type { tasksContract } from '../../../../shared/api/tasks.contract';
import type { Handlers } from '../../api/handler';
import { confirmTask, listTasks } from './tasks.service';

export const tasksHandlers: Handlers<keyof typeof tasksContract> = {
  'tasks.list': ({ core }, input) => listTasks(core.db(), input.includeConfirmed),
  'tasks.confirm': ({ core, session }, input) => confirmTask(core, session, input.id),
};
