import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Municipality, MunicipalityInput } from '../../../../shared/api/consents.schemas';
import { AppError } from '../../../../shared/api/result';
import { DISCLOSURE_FIELDS, VVE_ALLOWED_FIELDS, type DisclosureField } from '../../../../shared/domain/disclosures';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore } from '../../core';
import type { DbOrTrx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { currentLocationId } from '../location/location.service';
import { insertMunicipality, municipalityRows, updateMunicipality } from './municipalities.repository';

/** The fields a municipality's configuration asks for (stored as a JSON array of field keys). */
export const municipalityFields = (json: string) => JSON.parse(json) as DisclosureField[];

export async function listMunicipalities(db: DbOrTrx): Promise<z.output<typeof Municipality>[]> {
  return (await municipalityRows(db)).map((r) => ({ id: r.id, name: r.name, legalBasis: r.legal_basis, fields: municipalityFields(r.fields) }));
}

/** A VVE configuration may only ask for the fields a VVE regulation allows. */
export async function saveMunicipality(core: AppCore, input: z.output<typeof MunicipalityInput>) {
  const notAllowed = input.fields.filter((f) => !VVE_ALLOWED_FIELDS.includes(f));
  if (notAllowed.length) {
    throw new AppError('VALIDATION', msg('disclosures.fieldsNotForVve', { fields: notAllowed.map((f) => DISCLOSURE_FIELDS[f]).join(', ') }), { fields: msg('disclosures.fieldNotAllowed') });
  }
  const id = input.id ?? uuidv7();
  await core.transaction(async (trx) => {
    const values = { name: input.name, legal_basis: input.legalBasis, fields: JSON.stringify(input.fields), updated_at: core.now().toISOString() };
    if (input.id) {
      if (!(await updateMunicipality(trx, input.id, values))) throw new AppError('NOT_FOUND', msg('disclosures.municipalityNotFound'));
    } else {
      await insertMunicipality(trx, { id, location_id: await currentLocationId(trx), ...values, version: null });
    }
    await queueUpsert(trx, 'municipality_configs', id, core.now());
  });
  return (await listMunicipalities(core.db())).find((m) => m.id === id)!;
}
