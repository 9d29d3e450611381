import type { marketingContract } from '../../../../shared/api/marketing.contract';
import type { Handlers } from '../../api/handler';
import { addOptOut, exportMarketing, listOptOuts } from './marketing.service';

export const marketingHandlers: Handlers<keyof typeof marketingContract> = {
  'marketing.optOuts': ({ core }) => listOptOuts(core.db()),
  'marketing.addOptOut': ({ core, session }, input) => addOptOut(core, session, input),
  'marketing.export': ({ core, session }, input) => exportMarketing(core, session, input.recipientName, core.today()),
};
