/**
 * Bench: answering AVG-verzoeken. The access report (inzageverslag, PDF) plus the portability
 * export (JSON, CSV bundle, PDF summary) through the API for
 *  - one household with 3 children and 5 years of history (contracts, consents, pickup and
 *    identification log, 60 monthly Belastingdienst disclosures), median of 5 runs;
 *  - all 150 demo households in one batch.
 * Baseline: pdfkit writing the same number of plain-text pages in the same frame, so the ratio is
 * the price of collecting the data and laying out the documents.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, type Backend } from '../../electron/backend';
import { DEMO_ACCOUNTS, seedDemo } from '../../electron/backend/demo/seed';
import { contract, type MethodInput, type MethodName, type MethodOutput } from '../../shared/api/contract';
import { PURPOSES } from '../../shared/domain/consents';
import { addDays, addMonths } from '../../shared/domain/requests';
import { RESOURCES, pageCount, plainTextPages } from './pdf-baseline';
import { median, ms, ratio, type BenchRow } from './report';
import { appToday } from '../../shared/domain/clock';

const RUNS = 5;

async function call<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return contract[method].output.parse(result.value) as MethodOutput<M>;
}

function tempBackend(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const backend = createBackend({ dataDir: path.join(dir, 'data'), resourcesDir: RESOURCES, backgroundSync: false }, { error: () => {} });
  return { backend, dispose: async () => { await backend.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/** Inzage and dataportabiliteit for one contract parent: returns the PDF page counts (report + summary). */
async function answer(backend: Backend, parentId: string, receivedOn: string) {
  const base = { subjectType: 'parent' as const, subjectId: parentId, requesterParentId: parentId, receivedOn, identityMethod: 'id_shown' as const };
  const access = await call(backend, 'requests.create', { kind: 'access', ...base });
  const portability = await call(backend, 'requests.create', { kind: 'portability', ...base });
  return async () => {
    const report = await call(backend, 'requests.accessReport', { id: access.id });
    const bundle = await call(backend, 'requests.portabilityExport', { id: portability.id });
    return pageCount(Buffer.from(report.base64, 'base64')) + pageCount(Buffer.from(bundle.files.at(-1)!.base64, 'base64'));
  };
}

/** One household: 3 children, each with a contract per year for 5 years, consents, pickup history; monthly disclosures. */
async function bigHousehold(backend: Backend, today: string): Promise<string> {
  const household = await call(backend, 'households.create', {
    street: 'Lindelaan',
    houseNumber: '5a',
    postcode: '1234 AB',
    city: 'Vianen',
    iban: 'NL91ABNA0417164300',
    ibanHolder: 'S. de Boer',
    parents: [
      { firstName: 'Sanne', initials: 'S.', surnamePrefix: 'de', surname: 'Boer', email: 'sanne@example.nl', phone: '06 12345678', bsn: '111222333', hasParentalAuthority: true, isContractParent: true },
      { firstName: 'Joris', initials: 'J.', surnamePrefix: null, surname: 'Bakker', email: null, phone: '06 87654321', bsn: null, hasParentalAuthority: true, isContractParent: false },
    ],
  });
  const parentId = household.parents.find((p) => p.isContractParent)!.id;
  const fiveYearsAgo = addMonths(today, -60);
  const group = await call(backend, 'groups.create', { name: 'Vlinders', careType: 'dagopvang', ageFromMonths: 12, ageToMonths: 60, capacity: 16 });
  for (const [i, firstName] of ['Zoë', 'Daan', 'Mila'].entries()) {
    const child = await call(backend, 'children.create', { householdId: household.id, firstName, initials: `${firstName[0]}.`, surnamePrefix: 'de', surname: 'Boer', birthDate: addMonths(fiveYearsAgo, -3 - 14 * i), groupId: group.id, bsn: null });
    for (let year = 0; year < 5; year++) {
      const start = addMonths(fiveYearsAgo, 12 * year);
      await call(backend, 'contracts.create', { childId: child.id, careType: year < 3 ? 'dagopvang' : 'bso', days: ['ma', 'di', 'do'], hoursPerWeek: 20 - year, startDate: start, endDate: year === 4 ? null : addDays(addMonths(start, 12), -1) });
    }
    await call(backend, 'medical.update', { childId: child.id, allergies: 'Pinda', diet: 'Glutenvrij', medication: 'Epipen in de tas', otherParticulars: 'Slaapt met knuffel' });
    for (let year = 0; year < 5; year++) {
      const decidedOn = addMonths(fiveYearsAgo, 12 * year + 1);
      await call(backend, 'consents.record', { childId: child.id, parentId, decidedOn, channel: 'signed_form', answers: PURPOSES.map((purpose, p) => ({ purpose, given: (year + p) % 2 === 0, recognisable: p % 2 === 0 })) });
      await call(backend, 'pickup.addPerson', { childId: child.id, name: `Oppas ${year}`, relation: 'Oppas', phone: '06 55554444', validUntil: addMonths(decidedOn, 12) });
    }
    for (let n = 0; n < 40; n++) await call(backend, 'pickup.recordIdentification', { childId: child.id, collectorName: `Oppas ${n % 5}`, method: n % 2 ? 'known' : 'parent_called' });
  }
  for (let month = 0; month < 60; month++) {
    await call(backend, 'disclosures.export', { params: { kind: 'belastingdienst', month: addMonths(fiveYearsAgo, month).slice(0, 7) }, format: 'csv' });
  }
  return parentId;
}

async function plainBaseline(pages: number[]): Promise<number> {
  const t = performance.now();
  for (const n of pages) await plainTextPages(n);
  return performance.now() - t;
}

async function householdBench(): Promise<BenchRow[]> {
  const { backend, dispose } = tempBackend('kop-bench-requests-');
  try {
    await call(backend, 'setup.create', {
      location: { name: 'Kindercentrum Bench', address: 'Benchstraat 1, 1234 AB Ergens', lrkNumber: '123456789' },
      manager: { name: 'Meet Manager', username: 'meter', password: 'Snelheid-Wachtzin-123' },
    });
    const today = appToday();
    const run = await answer(backend, await bigHousehold(backend, today), today);
    const times: number[] = [];
    const baselines: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const pages = await run();
      times.push(performance.now() - t);
      baselines.push(await plainBaseline([pages]));
    }
    return [
      {
        measurement: `AVG: inzage PDF + dataportabiliteit (JSON, CSV, PDF) for 1 household, 3 children, 5 years of history, median of ${RUNS} (vs pdfkit plain text, same pages)`,
        figure: ms(median(times)),
        baseline: ms(median(baselines)),
        ratio: ratio(median(times), median(baselines)),
      },
    ];
  } finally {
    await dispose();
  }
}

async function demoBatchBench(): Promise<BenchRow[]> {
  const { backend, dispose } = tempBackend('kop-bench-requests-demo-');
  try {
    await seedDemo(backend, 150);
    await call(backend, 'auth.login', { username: DEMO_ACCOUNTS.manager.username, password: DEMO_ACCOUNTS.manager.password });
    const today = appToday();
    const parents = await backend.core.db().selectFrom('parents').select('id').where('is_contract_parent', '=', 1).execute();
    const runs = [];
    for (const p of parents) runs.push(await answer(backend, p.id, today));
    const t = performance.now();
    const pages: number[] = [];
    for (const run of runs) pages.push(await run());
    const total = performance.now() - t;
    const baseline = await plainBaseline(pages);
    return [
      {
        measurement: `AVG: inzage PDF + dataportabiliteit for all ${parents.length} demo households in one batch (vs pdfkit plain text, same pages)`,
        figure: ms(total),
        baseline: ms(baseline),
        ratio: ratio(total, baseline),
      },
      {
        measurement: 'AVG: per household in that batch',
        figure: ms(total / parents.length),
        baseline: ms(baseline / parents.length),
        ratio: ratio(total, baseline),
      },
    ];
  } finally {
    await dispose();
  }
}

export async function requestsBench(): Promise<BenchRow[]> {
  return [...(await householdBench()), ...(await demoBatchBench())];
}
