import type { RegisterRow } from '../dataMap/register';
import type { TRANSFER_MECHANISMS } from './api';

/** The organisation's verwerkingsregister (AVG art. 30) as the console shows and prints it. */
export interface OrganisationRegister {
  controller: { name: string; locations: string[] };
  /** Head office's calendar day, yyyy-mm-dd. */
  drawnUpOn: string;
  commonSecurity: string[];
  rows: RegisterRow[];
}

/** How the register names a transfer mechanism (AVG hoofdstuk V). */
export const TRANSFER_MECHANISM_TEXT: Record<(typeof TRANSFER_MECHANISMS)[number], string> = {
  scc: 'standaardcontractbepalingen (SCC)',
  adequacy: 'adequaatheidsbesluit',
  bcr: 'bindende bedrijfsvoorschriften (BCR)',
  other: 'andere passende waarborg',
};
