import { describe, expect, it } from 'vitest';
import type { PdfFile } from '../../shared/api/schemas';
import { makeBackend, setUpLocation } from '../helpers/backend';
import { createFamily, groupId } from '../helpers/clients';
import { addDays, weekdayOnOrBefore } from '../helpers/dates';
import { ORGANISATION_PROFILE as PROFILE, receiveOrganisationProfile as receiveProfile } from '../helpers/organisation';
import { readPdf } from '../helpers/pdf';

/**
 * Issue 18 part 7: every PDF the location makes names the controller (the organisation). Letters,
 * forms and reports for a reader outside the location carry the full block (controller, Privacy
 * Officer, FG); an internal print (herstelsleutel, fotolijst) the organisation's name only.
 */
const summaryOf = (bundle: { files: { fileName: string; base64: string }[] }): PdfFile => bundle.files.find((f) => f.fileName === 'samenvatting.pdf')!;

describe('the organisation on every location PDF', () => {
  it('prints the controller on letters, forms, lists, registers and reports; the full block where a reader outside the location needs it', async () => {
    const backend = makeBackend();
    const setup = await setUpLocation(backend);
    await backend.ok('users.update', { id: setup.session!.userId, name: setup.session!.name, roles: ['manager', 'meldcodeOfficer'] });
    await receiveProfile(backend);
    const today = backend.core.today();
    const { household, child } = await createFamily(backend);
    const parent = household.parents.find((p) => p.isContractParent)!;
    await backend.ok('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 18, startDate: addDays(today, -400), endDate: addDays(today, 300) });
    const lastMonday = weekdayOnOrBefore(today, 'ma');
    const access = await backend.ok('requests.create', { kind: 'access', subjectType: 'parent', subjectId: parent.id, requesterParentId: parent.id, receivedOn: today, identityMethod: 'id_shown', description: null });
    const portability = await backend.ok('requests.create', { kind: 'portability', subjectType: 'parent', subjectId: parent.id, requesterParentId: parent.id, receivedOn: today, identityMethod: 'id_shown', description: null });
    const accessReport = await backend.ok('requests.accessReport', { id: access.id });
    await backend.ok('requests.close', { id: access.id, outcome: 'granted' });
    const file = await backend.ok('meldcode.open', { route: 'huiselijk', childId: child.id, openedOn: today });
    const complaint = await backend.ok('complaints.save', {
      complainantName: 'Sanne de Boer',
      complainantContact: 'sanne@voorbeeld.nl',
      subject: 'Brengtijden',
      description: 'De deur ging pas later open.',
      handlingNotes: null,
      householdId: null,
      receivedOn: today,
    });
    await backend.ok('complaints.close', { id: complaint.id, closedOn: today, outcome: 'gegrond', resolution: 'De opening is niet gehaald.', measures: null });
    const { runId } = await backend.ok('retention.startRun', {});
    await backend.ok('retention.finishRun', { runId });

    const full: [string, () => Promise<PdfFile>][] = [
      ['besluitbrief', () => backend.ok('requests.letter', { id: access.id })],
      ['inzageverslag', async () => accessReport],
      ['dataportabiliteit (samenvatting)', async () => summaryOf(await backend.ok('requests.portabilityExport', { id: portability.id }))],
      ['klachtbrief', () => backend.ok('complaints.letter', { id: complaint.id })],
      ['toestemmingsformulier', () => backend.ok('consents.formPdf', { childId: child.id, blank: true })],
      ['verwerkingsregister', () => backend.ok('register.pdf', {})],
      ['waarom bewaren', () => backend.ok('retention.whyPdf', { subjectType: 'household', id: household.id })],
      ['vernietigingsrapport', () => backend.ok('retention.reportPdf', { runId })],
      ['meldcodedossier', () => backend.ok('meldcode.printPdf', { caseId: file.id })],
      ['GGD-lijst', () => backend.ok('disclosures.export', { params: { kind: 'ggd', date: lastMonday }, format: 'pdf' })],
      ['Belastingdienst', () => backend.ok('disclosures.export', { params: { kind: 'belastingdienst', month: today.slice(0, 7) }, format: 'pdf' })],
    ];
    const nameOnly: [string, () => Promise<PdfFile>][] = [
      ['herstelsleutel', () => backend.ok('setup.recoveryKeyPdf', {})],
      ['fotolijst', async () => backend.ok('consents.rosterPdf', { groupId: await groupId(backend, 'Rupsjes'), purpose: 'nieuwsbrief' })],
    ];
    const textOf = async (make: () => Promise<PdfFile>) => readPdf(await make(), { layout: false }).replace(/\s+/g, ' ');
    const missing: string[] = [];
    for (const [name, make] of full) {
      const text = await textOf(make);
      for (const part of [
        'Verwerkingsverantwoordelijke: Stichting Kinderopvang Zonnestraal, Oudegracht 100, 3511 AB Utrecht · KvK 12345678',
        'Privacy Officer: Ingrid Jansen (privacy@zonnestraal.nl, 030 123 45 67)',
        'Functionaris Gegevensbescherming: Mr. P. de Vries, Privacybureau Midden (fg@privacybureau.nl)',
      ]) {
        if (!text.includes(part)) missing.push(`${name}: ${part}`);
      }
    }
    for (const [name, make] of nameOnly) {
      if (!(await textOf(make)).includes(PROFILE.controllerName)) missing.push(`${name}: ${PROFILE.controllerName}`);
    }
    expect(missing).toEqual([]);
  }, 60_000);
});
