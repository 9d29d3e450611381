import path from 'node:path';
import type { PdfFile } from '../../shared/api/schemas';
import type { ConsoleProcessor, TransferMechanism } from '../../shared/console/api';
import { TRANSFER_MECHANISM_TEXT, type OrganisationRegister } from '../../shared/console/register';
import { DATA_MAP, DATA_MAP_DEFAULT_POLICIES, processingRegister } from '../../shared/dataMap';
import { isoDateIn } from '../../shared/domain/clock';
import { renderRegisterPdf } from '../../shared/pdf/register.pdf';
import type { HoDb } from '../db/schema';
import { listConsoleLocations } from './console.service';
import { getOrganisation } from './organisation.service';
import { listProcessors } from './processors.service';

/** The fonts of the PDF frame, beside the app's (the repository's resources/). */
const RESOURCES_DIR = path.resolve(__dirname, '../../resources');

/** Until the privacy officer sets the organisation profile, the register names the organisation by its role. */
const CONTROLLER = 'De organisatie voor kinderopvang (houder van de locaties)';

/** "Mailwolk Inc: naar Verenigde Staten (standaardcontractbepalingen, SCC)"; a processor entered before the country was asked says so. */
const transferText = (p: ConsoleProcessor & { transferMechanism: TransferMechanism }) =>
  `${p.name}: ${p.transferCountries ? `naar ${p.transferCountries}` : 'buiten de EER, land nog niet vastgelegd'} (${TRANSFER_MECHANISM_TEXT[p.transferMechanism]})`;

/**
 * The verwerkingsregister (AVG art. 30) of the organisation: the processings of the data map with
 * the bewaartermijnen head office sets (the defaults of shared/dataMap/policies.ts), every processor
 * of the verwerkersregister as a recipient of the categories it processes, and its processing
 * outside the EEA with the country and the ground for that transfer.
 */
export async function organisationRegister(db: HoDb, now: Date): Promise<OrganisationRegister> {
  const [processors, locations, { profile }] = await Promise.all([listProcessors(db, now), listConsoleLocations(db), getOrganisation(db)]);
  const rows = processingRegister(DATA_MAP, DATA_MAP_DEFAULT_POLICIES).map((row) => {
    const mine = processors.filter((p) => p.dataCategories.includes(row.category));
    const abroad = mine.filter((p): p is ConsoleProcessor & { transferMechanism: TransferMechanism } => p.outsideEea && p.transferMechanism !== null);
    return {
      ...row,
      recipients: [...row.recipients, ...mine.map((p) => `Verwerker ${p.name} (${p.service})`)],
      transfersOutsideEea: abroad.length === 0 ? row.transfersOutsideEea : abroad.map(transferText).join('; '),
    };
  });
  const commonSecurity = rows.length === 0 ? [] : rows[0]!.security.filter((measure) => rows.every((r) => r.security.includes(measure)));
  return {
    controller: { name: profile?.controllerName ?? CONTROLLER, address: profile ? `${profile.address}, ${profile.postcodeCity}` : null, locations: locations.map((l) => l.name) },
    drawnUpOn: isoDateIn(now),
    commonSecurity,
    rows,
  };
}

export async function organisationRegisterPdf(db: HoDb, now: Date): Promise<PdfFile> {
  const [register, { profile }] = await Promise.all([organisationRegister(db, now), getOrganisation(db)]);
  const pdf = await renderRegisterPdf(RESOURCES_DIR, {
    ...register,
    controller: {
      name: register.controller.name,
      details: [
        register.controller.address ?? 'Vertegenwoordigd door de Privacy Officer',
        ...(register.controller.locations.length === 0 ? [] : [`Locaties: ${register.controller.locations.join(', ')}`]),
      ],
    },
    // The contacts art. 30 lid 1 sub a asks for: the Privacy Officer and the FG.
    organisation: profile,
    intro:
      'Dit register beschrijft per verwerking welke persoonsgegevens de organisatie op haar locaties en op het hoofdkantoor vastlegt, over wie, waarvoor, op welke grondslag, aan wie ze worden verstrekt (ook de verwerkers uit het verwerkersregister), of ze buiten de EER komen, hoe lang ze worden bewaard en hoe ze zijn beveiligd (artikel 30 lid 1 AVG). ' +
      'Het volgt uit de gegevenskaart van de app, de bewaartermijnen van het hoofdkantoor en het verwerkersregister op de datum van opstellen.',
  });
  return { fileName: `verwerkingsregister-organisatie-${register.drawnUpOn}.pdf`, base64: pdf.toString('base64') };
}
