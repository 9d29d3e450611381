import type { searchContract } from '../../../../shared/api/search.contract';
import type { Handlers } from '../../api/handler';
import { search } from './search.service';

export const searchHandlers: Handlers<keyof typeof searchContract> = {
  'search.query': ({ core, session }, input) => search(core.db(), session.roles, input.q, input.limit),
};
