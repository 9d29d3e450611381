import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ConsoleProcessor, ProcessorInput } from '../../shared/console/api';
import { isoDateIn } from '../../shared/domain/clock';
import type { HoDb } from '../db/schema';
import { appendAudit } from './audit';
import { ConsoleError } from './auth.service';
import * as repo from './processors.repository';

type Input = z.output<typeof ProcessorInput>;

const toColumns = (input: Input, now: Date) => ({
  name: input.name,
  service: input.service,
  data_categories: JSON.stringify(input.dataCategories),
  agreement_date: input.agreementDate,
  review_date: input.reviewDate,
  sub_processors: input.subProcessors,
  outside_eea: input.outsideEea ? 1 : 0,
  transfer_mechanism: input.transferMechanism,
  transfer_countries: input.transferCountries,
  updated_at: now.toISOString(),
});

/** The verwerkersregister, with each processor's review flagged once its date has passed. */
export async function listProcessors(db: HoDb, now: Date): Promise<ConsoleProcessor[]> {
  const today = isoDateIn(now);
  return (await repo.allProcessors(db)).map((row) => ({
    id: row.id,
    name: row.name,
    service: row.service,
    dataCategories: JSON.parse(row.data_categories) as string[],
    agreementDate: row.agreement_date,
    reviewDate: row.review_date,
    subProcessors: row.sub_processors,
    outsideEea: row.outside_eea === 1,
    transferMechanism: row.transfer_mechanism as Input['transferMechanism'],
    transferCountries: row.transfer_countries,
    reviewOverdue: row.review_date < today,
    updatedAt: row.updated_at,
  }));
}

export async function createProcessor(db: HoDb, input: Input, actorId: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const id = randomUUID();
    await repo.insertProcessor(trx, { id, ...toColumns(input, now), created_at: now.toISOString() });
    await appendAudit(trx, { userId: actorId, action: 'console.processor.create', detail: { processorId: id } }, now);
    return { id };
  });
}

export async function updateProcessor(db: HoDb, id: string, input: Input, actorId: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const result = await repo.updateProcessor(trx, id, toColumns(input, now));
    if (Number(result.numUpdatedRows) === 0) throw new ConsoleError(404, 'Deze verwerker staat niet in het register.');
    await appendAudit(trx, { userId: actorId, action: 'console.processor.update', detail: { processorId: id } }, now);
    return { id };
  });
}
