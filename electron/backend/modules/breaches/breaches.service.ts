import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { breachesContract } from '../../../../shared/api/breaches.contract';
import type { Breach } from '../../../../shared/api/breaches.schemas';
import { can } from '../../../../shared/auth/permissions';
import { AP_REPORT_DEADLINE_HOURS, BreachDataCategory, BreachPersonCategory } from '../../../../shared/breaches/record';
import { instantIn } from '../../../../shared/domain/clock';
import type { AppCore, Session } from '../../core';
import type { DataBreachRow, DbOrTrx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { locationId } from '../setup/setup.service';
import { breachesInOutbox, breachRows, findBreach, insertBreach } from './breaches.repository';

type Input<M extends keyof typeof breachesContract> = z.output<(typeof breachesContract)[M]['input']>;

const HOUR_MS = 3_600_000;

function toBreach(r: DataBreachRow, waiting: ReadonlySet<string>): Breach {
  return {
    id: r.id,
    whatHappened: r.what_happened,
    discoveredAt: r.discovered_at,
    occurredOn: r.occurred_on,
    personCategories: BreachPersonCategory.array().parse(JSON.parse(r.person_categories)),
    personsCount: r.persons_count,
    dataCategories: BreachDataCategory.array().parse(JSON.parse(r.data_categories)),
    measuresTaken: r.measures_taken,
    reporterName: r.reporter_name,
    reportedAt: r.reported_at,
    apDeadline: new Date(new Date(r.discovered_at).getTime() + AP_REPORT_DEADLINE_HOURS * HOUR_MS).toISOString(),
    waitingToSync: waiting.has(r.id),
  };
}

/** Records the report and queues it for head office in one transaction: offline it waits in the outbox, nothing is lost. */
export async function reportBreach(core: AppCore, session: Session, input: Input<'breaches.report'>): Promise<Breach> {
  const id = uuidv7();
  await core.transaction(async (trx) => {
    await insertBreach(trx, {
      id,
      location_id: await locationId(trx),
      what_happened: input.whatHappened,
      discovered_at: instantIn(input.discoveredOn, input.discoveredTime),
      occurred_on: input.occurredOn,
      person_categories: JSON.stringify(input.personCategories),
      persons_count: input.personsCount,
      data_categories: JSON.stringify(input.dataCategories),
      measures_taken: input.measuresTaken ?? '',
      reported_by: session.userId,
      reporter_name: session.name,
      reported_at: core.now().toISOString(),
      version: null,
    });
    await queueUpsert(trx, 'data_breaches', id, core.now());
  });
  const db = core.db();
  return toBreach(await findBreach(db, id), await breachesInOutbox(db, [id]));
}

/** The manager sees every report of the location; anyone else the reports they made. */
export async function listBreaches(db: DbOrTrx, session: Session): Promise<Breach[]> {
  const rows = await breachRows(db, can(session.roles, 'breaches.manage') ? undefined : session.userId);
  const waiting = await breachesInOutbox(db, rows.map((r) => r.id));
  return rows.map((r) => toBreach(r, waiting));
}
