import type { municipalitiesContract } from '../../../../shared/api/municipalities.contract';
import type { Handlers } from '../../api/handler';
import { listMunicipalities, saveMunicipality } from './municipalities.service';

export const municipalitiesHandlers: Handlers<keyof typeof municipalitiesContract> = {
  'municipalities.list': ({ core }) => listMunicipalities(core.db()),
  'municipalities.save': ({ core }, input) => saveMunicipality(core, input),
};
