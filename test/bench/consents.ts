/**
 * Bench: the consent forms (toestemmingsformulieren) of 200 children printed as one batch through
 * the API (`consents.formPdf` for a group: query, current answers, layout, base64), against pdfkit
 * writing the same number of pages of plain text in the same frame (A4, embedded Inter) — so the
 * ratio is the price of the form itself, not of pdfkit or the fonts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { createBackend } from '../../electron/backend';
import { contract } from '../../shared/api/contract';
import { PURPOSES } from '../../shared/domain/consents';
import { searchKey } from '../../shared/domain/names';
import { RESOURCES, pageCount, plainTextPages } from './pdf-baseline';
import { median, ms, ratio, type BenchRow } from './report';

const CHILDREN = 200;
const RUNS = 3;
const GROUP = 'Bench-groep';
const GROUP_ID = uuidv7();

export async function consentsBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kop-bench-consents-'));
  const backend = createBackend({ dataDir: path.join(dir, 'data'), resourcesDir: RESOURCES }, { error: () => {} });
  try {
    const setup = await backend.call('setup.create', {
      location: { name: 'Kindercentrum Bench', address: 'Benchstraat 1, 1234 AB Ergens', lrkNumber: '123456789' },
      manager: { name: 'Meet Manager', username: 'meter', password: 'Snelheid-Wachtzin-123' },
    });
    if (!setup.ok) throw new Error(setup.error.message);
    const db = backend.core.db();
    const now = new Date().toISOString();
    // The API takes UUIDs only.
    const family = Array.from({ length: CHILDREN }, () => ({ household: uuidv7(), parent: uuidv7(), child: uuidv7() }));
    await db.transaction().execute(async (trx) => {
      const location_id = (await trx.selectFrom('location').select('id').executeTakeFirstOrThrow()).id;
      await trx.insertInto('groups').values({ id: GROUP_ID, location_id, name: GROUP, care_type: 'dagopvang', age_from_months: 0, age_to_months: 48, capacity: 16, archived_at: null, created_at: now, updated_at: now, version: null }).execute();
      for (let c = 0; c < CHILDREN; c++) {
        const { household: household_id, parent, child } = family[c]!;
        const surname = `Achternaam${c}`;
        await trx.insertInto('households').values({ id: household_id, location_id, street: 'Straat', house_number: String(c), postcode: '1234 AB', city: 'Ergens', iban: null, iban_holder: null, created_at: now, updated_at: now, version: null }).execute();
        await trx.insertInto('parents').values({ id: parent, location_id, household_id, first_name: 'Ouder', initials: null, surname_prefix: null, surname, search_name: searchKey({ firstName: 'Ouder', surname }), email: null, phone: null, bsn: null, has_parental_authority: 1, is_contract_parent: 1, created_at: now, updated_at: now, version: null }).execute();
        await trx.insertInto('children').values({ id: child, location_id, household_id, first_name: `Kind${c}`, initials: null, surname_prefix: null, surname, search_name: searchKey({ firstName: `Kind${c}`, surname }), birth_date: '2023-01-01', group_id: GROUP_ID, bsn: null, created_at: now, updated_at: now, version: null }).execute();
      }
    });
    // Answers recorded through the API, so the forms are pre-filled the way they are in use.
    for (let c = 0; c < CHILDREN; c++) {
      const recorded = await backend.call('consents.record', {
        childId: family[c]!.child,
        parentId: family[c]!.parent,
        decidedOn: '2026-01-05',
        channel: 'signed_form',
        answers: PURPOSES.map((purpose, i) => ({ purpose, given: (c + i) % 3 !== 0, recognisable: (c + i) % 2 === 0 })),
      });
      if (!recorded.ok) throw new Error(recorded.error.message);
    }

    const formTimes: number[] = [];
    const plainTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      let t = performance.now();
      const result = await backend.call('consents.formPdf', { groupId: GROUP_ID, blank: false });
      formTimes.push(performance.now() - t);
      if (!result.ok) throw new Error(result.error.message);
      const pages = pageCount(Buffer.from(contract['consents.formPdf'].output.parse(result.value).base64, 'base64'));
      if (pages !== CHILDREN) throw new Error(`consent forms: ${pages} pages instead of ${CHILDREN}`);

      t = performance.now();
      const plain = await plainTextPages(CHILDREN);
      plainTimes.push(performance.now() - t);
      if (pageCount(plain) !== CHILDREN) throw new Error('plain text: wrong page count');
    }
    const form = median(formTimes);
    const plain = median(plainTimes);
    const perSecond = (total: number) => CHILDREN / (total / 1000);
    return [
      {
        measurement: `consent forms, ${CHILDREN} children in one PDF via the API (vs pdfkit, ${CHILDREN} pages of plain text), median of ${RUNS}`,
        figure: ms(form),
        baseline: ms(plain),
        ratio: ratio(form, plain),
      },
      {
        measurement: 'consent forms: pages per second (vs pdfkit plain text)',
        figure: `${perSecond(form).toFixed(0)} pages/s`,
        baseline: `${perSecond(plain).toFixed(0)} pages/s`,
        ratio: ratio(perSecond(form), perSecond(plain)),
      },
    ];
  } finally {
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
