import type { RegisterRow } from '../dataMap/register';
import type { TransferMechanism } from './api';

/** The organisation's verwerkingsregister (AVG art. 30) as the console shows and prints it. */
export interface OrganisationRegister {
  /** The organisation profile's name and address when set (console Organisatie), else the organisation by its role. */
  controller: { name: string; address: string | null; locations: string[] };
  /** Head office's calendar day, yyyy-mm-dd. */
  drawnUpOn: string;
  commonSecurity: string[];
  rows: RegisterRow[];
}

/** How the register names a transfer mechanism (AVG hoofdstuk V), in brackets after the country. */
export const TRANSFER_MECHANISM_TEXT: Record<TransferMechanism, string> = {
  scc: 'standaardcontractbepalingen, SCC',
  adequacy: 'adequaatheidsbesluit',
  bcr: 'bindende bedrijfsvoorschriften, BCR',
  other: 'andere passende waarborg',
};
