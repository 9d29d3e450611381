import { nlDate } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/api/result';
import { PURPOSES, photoPermission, type PhotoPermission, type Purpose } from '../../../../shared/domain/consents';
import { displayName } from '../../../../shared/domain/names';
import type { Handlers } from '../../api/handler';
import type { AppCore, Session } from '../../core';
import { renderConsentForms } from '../../pdf/consentForm.pdf';
import { renderPhotoRoster } from '../../pdf/photoRoster.pdf';
import { appendAudit } from '../audit/audit.service';
import { getLocation } from '../location/location.repository';
import { consentOverview, createExchangeConsent, currentConsents, listExchangeConsents, privacyStatementVersion, recordConsents, recordFormReturned, roster, withdrawExchangeConsent } from './consents.service';
import {
  addOptOut,
  disclosureRegister,
  exportDisclosure,
  exportMarketing,
  listMunicipalities,
  listOptOuts,
  previewDisclosure,
  recordRecipientDisclosure,
  saveMunicipality,
} from '../disclosures/disclosures.service';

const today = (core: AppCore) => core.today();

async function formPdf(core: AppCore, session: Session, input: { childId?: string | null; groupName?: string | null; blank: boolean }) {
  const db = core.db();
  let query = db
    .selectFrom('children')
    .leftJoin('parents', (join) => join.onRef('parents.household_id', '=', 'children.household_id').on('parents.is_contract_parent', '=', 1))
    .select(['children.id', 'children.first_name', 'children.surname_prefix', 'children.surname', 'children.birth_date', 'children.group_name', 'parents.first_name as p_first', 'parents.surname_prefix as p_prefix', 'parents.surname as p_surname'])
    .orderBy('children.first_name');
  query = input.childId ? query.where('children.id', '=', input.childId) : query.where('children.group_name', '=', input.groupName!);
  const children = await query.execute();
  if (children.length === 0) throw new AppError('NOT_FOUND', input.childId ? 'Dit kind bestaat niet (meer).' : 'Deze groep heeft geen kinderen.');
  const current = await currentConsents(
    db,
    children.map((c) => c.id),
  );
  const location = await getLocation(db);
  const pdf = await renderConsentForms(core.options.resourcesDir, {
    location: { name: location?.name ?? '', address: location?.address ?? '', lrkNumber: location?.lrk_number ?? '' },
    privacyStatementVersion: await privacyStatementVersion(db),
    children: children.map((c) => ({
      childName: displayName({ firstName: c.first_name, surnamePrefix: c.surname_prefix, surname: c.surname }),
      birthDate: nlDate(c.birth_date),
      groupName: c.group_name,
      contractParentName: c.p_first ? displayName({ firstName: c.p_first, surnamePrefix: c.p_prefix, surname: c.p_surname ?? '' }) : '',
      answers: input.blank ? null : (Object.fromEntries(PURPOSES.map((p) => [p, photoPermission(current.get(c.id)?.get(p))])) as Record<Purpose, PhotoPermission>),
    })),
  });
  await core.audit({ userId: session.userId, action: 'consents.formPdf', entity: input.childId ? 'child' : 'group', ...(input.childId ? { entityId: input.childId } : {}), details: { children: children.length } });
  const name = input.childId ? children[0]!.first_name.toLowerCase() : input.groupName!.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { fileName: `toestemmingsformulier-${name}.pdf`, base64: pdf.toString('base64') };
}

type ConsentMethods =
  | 'consents.overview'
  | 'consents.record'
  | 'consents.formReturned'
  | 'consents.formPdf'
  | 'consents.privacyStatement'
  | 'consents.roster'
  | 'consents.rosterPdf'
  | 'exchange.list'
  | 'exchange.create'
  | 'exchange.withdraw'
  | 'disclosures.preview'
  | 'disclosures.export'
  | 'disclosures.recordToRecipient'
  | 'disclosures.register'
  | 'municipalities.list'
  | 'municipalities.save'
  | 'marketing.optOuts'
  | 'marketing.addOptOut'
  | 'marketing.export';

export const consentsHandlers: Handlers<ConsentMethods> = {
  'consents.overview': ({ core }, input) => consentOverview(core.db(), input.childId),
  'consents.record': ({ core, session }, input) => recordConsents(core, session, input),
  'consents.formReturned': ({ core, session }, input) => recordFormReturned(core, session, input),
  'consents.formPdf': ({ core, session }, input) => formPdf(core, session, input),
  'consents.privacyStatement': async ({ core }) => ({ version: await privacyStatementVersion(core.db()) }),
  'consents.roster': ({ core }, input) => roster(core.db(), input.groupName, input.purpose, today(core)),
  'consents.rosterPdf': async ({ core, session }, input) => {
    const data = await roster(core.db(), input.groupName, input.purpose, today(core));
    const pdf = await renderPhotoRoster(core.options.resourcesDir, data, { locationName: (await getLocation(core.db()))?.name ?? '', printedAt: core.now() });
    await core.transaction((trx) => appendAudit(trx, { userId: session.userId, action: 'consents.rosterPdf', details: { purpose: input.purpose } }, core.now()));
    return { fileName: `fotolijst-${input.groupName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${input.purpose}.pdf`, base64: pdf.toString('base64') };
  },
  'exchange.list': ({ core }, input) => listExchangeConsents(core.db(), input.childId, today(core)),
  'exchange.create': ({ core, session }, input) => createExchangeConsent(core, session, input, today(core)),
  'exchange.withdraw': ({ core, session }, input) => withdrawExchangeConsent(core, session, input, today(core)),
  'disclosures.preview': ({ core }, input) => previewDisclosure(core.db(), input, today(core)),
  'disclosures.export': ({ core, session }, input) => exportDisclosure(core, session, input.params, input.format, today(core)),
  'disclosures.recordToRecipient': ({ core, session }, input) => recordRecipientDisclosure(core, session, input),
  'disclosures.register': ({ core }, input) => disclosureRegister(core.db(), input),
  'municipalities.list': ({ core }) => listMunicipalities(core.db()),
  'municipalities.save': ({ core, session }, input) => saveMunicipality(core, session, input),
  'marketing.optOuts': ({ core }) => listOptOuts(core.db()),
  'marketing.addOptOut': ({ core, session }, input) => addOptOut(core, session, input),
  'marketing.export': ({ core, session }, input) => exportMarketing(core, session, input.recipientName, today(core)),
};
