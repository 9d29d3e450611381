import type { MethodOutput } from '../../../../shared/api/contract';
import type { PdfFile } from '../../../../shared/api/schemas';
import { DATA_MAP, DATA_MAP_DEFAULT_POLICIES, processingRegister, type PolicyLike } from '../../../../shared/dataMap';
import { organisationParts, type OrganisationProfile } from '../../../../shared/organisation/profile';
import type { AppCore } from '../../core';
import type { DbOrTrx } from '../../db/schema';
import { renderRegisterPdf } from '../../../../shared/pdf/register.pdf';
import { getLocation } from '../location/location.repository';
import { organisationProfile } from '../location/location.service';
import { loadPolicies } from '../retention/policies';

export type ProcessingRegister = MethodOutput<'register.get'>;

/**
 * The bewaartermijnen in force for every policy the data map names: the retention_policies rows
 * (as head office set them) through the retention module, and the default of a rule this PC does
 * not hold yet (a new rule of the data map before it is a row).
 */
async function policiesInForce(db: DbOrTrx): Promise<PolicyLike[]> {
  const byKey = new Map<string, PolicyLike>(DATA_MAP_DEFAULT_POLICIES.map((p) => [p.key, p]));
  for (const policy of (await loadPolicies(db)).values()) byKey.set(policy.key, policy);
  return [...byKey.values()];
}

/** The verwerkingsregister (AVG art. 30) of this location, drawn up today from the data map and the rules in force. */
export async function processingRegisterOf(core: AppCore): Promise<ProcessingRegister> {
  return (await drawUp(core)).register;
}

/** The register, and the organisation profile it names (the PDF prints the profile's own block). */
async function drawUp(core: AppCore): Promise<{ register: ProcessingRegister; organisation: OrganisationProfile | null }> {
  const db = core.db();
  const location = await getLocation(db);
  const organisation = await organisationProfile(db);
  const rows = processingRegister(DATA_MAP, await policiesInForce(db));
  // The general measures every processing shares are stated once; a row keeps its full list.
  const commonSecurity = rows.length === 0 ? [] : rows[0]!.security.filter((measure) => rows.every((r) => r.security.includes(measure)));
  const register = {
    location: { name: location?.name ?? '', address: location?.address ?? '', lrkNumber: location?.lrk_number ?? '' },
    organisation: organisation && organisationParts(organisation),
    drawnUpOn: core.today(),
    commonSecurity,
    rows,
  };
  return { register, organisation };
}

export async function registerPdf(core: AppCore): Promise<PdfFile> {
  const { register, organisation } = await drawUp(core);
  const { location } = register;
  const pdf = await renderRegisterPdf(core.options.resourcesDir, {
    ...register,
    controller: { name: location.name, details: location.address ? [`${location.address}${location.lrkNumber ? ` · LRK ${location.lrkNumber}` : ''}`] : [] },
    organisation,
    intro:
      'Dit register beschrijft per verwerking welke persoonsgegevens de locatie vastlegt, over wie, waarvoor, op welke grondslag, aan wie ze worden verstrekt, hoe lang ze worden bewaard en hoe ze zijn beveiligd (artikel 30 lid 1 van de Algemene verordening gegevensbescherming). ' +
      'Het volgt uit de gegevenskaart van de app (welke gegevens in welke tabel staan en wanneer ze worden vernietigd) en de bewaartermijnen die op de datum van opstellen gelden, zoals het hoofdkantoor ze heeft vastgesteld.',
  });
  return { fileName: `verwerkingsregister-${register.drawnUpOn}.pdf`, base64: pdf.toString('base64') };
}
