import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Group, GroupInput, GroupUpdateInput } from '../../../../shared/api/groups.schemas';
import { AppError } from '../../../../shared/api/result';
import { groupNameKey, tidyGroupName } from '../../../../shared/domain/groups';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore } from '../../core';
import type { DbOrTrx, GroupRow, Trx } from '../../db/schema';
import { queueDelete, queueUpsert } from '../../sync/outbox';
import { currentLocationId } from '../location/location.service';
import { childCounts, childIdsInGroup, deleteGroupRow, findGroup, groupRows, insertGroup, moveChildren, updateGroupRow } from './groups.repository';

/** Groepen (issue 17): the rules of the location's group list. */

function toGroup(row: GroupRow, all: readonly GroupRow[], counts: ReadonlyMap<string, number>): z.output<typeof Group> {
  const key = groupNameKey(row.name);
  return {
    id: row.id,
    name: row.name,
    careType: row.care_type,
    ageFromMonths: row.age_from_months,
    ageToMonths: row.age_to_months,
    capacity: row.capacity,
    archived: row.archived_at !== null,
    children: counts.get(row.id) ?? 0,
    possibleDuplicates: all.filter((other) => other.id !== row.id && groupNameKey(other.name) === key).map((other) => ({ id: other.id, name: other.name })),
  };
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export async function listGroups(db: DbOrTrx): Promise<z.output<typeof Group>[]> {
  const [rows, counts] = await Promise.all([groupRows(db), childCounts(db)]);
  return rows.map((row) => toGroup(row, rows, counts)).sort(byName);
}

async function loadGroup(db: DbOrTrx, id: string) {
  const group = (await listGroups(db)).find((g) => g.id === id);
  if (!group) throw new AppError('NOT_FOUND', msg('groups.notFound'));
  return group;
}

/** A name is free when no other group (archived ones included) has it after trimming and case-folding. */
async function assertNameFree(trx: Trx, name: string, exceptId: string | null) {
  const key = groupNameKey(name);
  const taken = (await groupRows(trx)).find((g) => g.id !== exceptId && groupNameKey(g.name) === key);
  if (!taken) return;
  const message = taken.archived_at ? msg('groups.nameTakenArchived', { name: taken.name }) : msg('groups.nameTaken', { name: taken.name });
  throw new AppError('VALIDATION', message, { name: message });
}

const fields = (input: z.output<typeof GroupInput>) => ({
  name: tidyGroupName(input.name),
  care_type: input.careType,
  age_from_months: input.ageFromMonths,
  age_to_months: input.ageToMonths,
  capacity: input.capacity,
});

export async function createGroup(core: AppCore, input: z.output<typeof GroupInput>) {
  const id = uuidv7();
  await core.transaction(async (trx) => {
    await assertNameFree(trx, input.name, null);
    const now = core.now().toISOString();
    await insertGroup(trx, { id, location_id: await currentLocationId(trx), ...fields(input), archived_at: null, created_at: now, updated_at: now, version: null });
    await queueUpsert(trx, 'groups', id, core.now());
  });
  return loadGroup(core.db(), id);
}

/** Also the rename: the name lives only in `groups`, so every child, list and PDF shows the new one. */
export async function updateGroup(core: AppCore, input: z.output<typeof GroupUpdateInput>) {
  await core.transaction(async (trx) => {
    if (!(await findGroup(trx, input.id))) throw new AppError('NOT_FOUND', msg('groups.notFound'));
    await assertNameFree(trx, input.name, input.id);
    await updateGroupRow(trx, input.id, { ...fields(input), updated_at: core.now().toISOString() });
    await queueUpsert(trx, 'groups', input.id, core.now());
  });
  return loadGroup(core.db(), input.id);
}

/** An empty group is deleted; a group with children is archived (they keep it, forms no longer offer it). */
export async function removeGroup(core: AppCore, id: string): Promise<{ outcome: 'deleted' | 'archived' }> {
  return core.transaction(async (trx) => {
    const group = await findGroup(trx, id);
    if (!group) throw new AppError('NOT_FOUND', msg('groups.notFound'));
    if ((await childIdsInGroup(trx, id)).length === 0) {
      await deleteGroupRow(trx, id);
      await queueDelete(trx, 'groups', id, core.now());
      return { outcome: 'deleted' as const };
    }
    await updateGroupRow(trx, id, { archived_at: core.now().toISOString(), updated_at: core.now().toISOString() });
    await queueUpsert(trx, 'groups', id, core.now());
    return { outcome: 'archived' as const };
  });
}

export async function restoreGroup(core: AppCore, id: string) {
  await core.transaction(async (trx) => {
    const group = await findGroup(trx, id);
    if (!group) throw new AppError('NOT_FOUND', msg('groups.notFound'));
    const key = groupNameKey(group.name);
    const twin = (await groupRows(trx)).find((g) => g.id !== id && g.archived_at === null && groupNameKey(g.name) === key);
    if (twin) throw new AppError('CONFLICT', msg('groups.restoreTaken', { name: twin.name }));
    await updateGroupRow(trx, id, { archived_at: null, updated_at: core.now().toISOString() });
    await queueUpsert(trx, 'groups', id, core.now());
  });
  return loadGroup(core.db(), id);
}

/**
 * The manager confirms that two groups are one: the children of `fromId` move to `intoId` (each
 * child queued for head office), then `fromId` goes. Audited by the contract (both ids, the count).
 */
export async function mergeGroups(core: AppCore, input: { fromId: string; intoId: string }) {
  await core.transaction(async (trx) => {
    const [from, into] = await Promise.all([findGroup(trx, input.fromId), findGroup(trx, input.intoId)]);
    if (!from || !into) throw new AppError('NOT_FOUND', msg('groups.notFound'));
    const children = await childIdsInGroup(trx, from.id);
    const now = core.now();
    for (let i = 0; i < children.length; i += 500) await moveChildren(trx, children.slice(i, i + 500), into.id, now.toISOString());
    for (const childId of children) await queueUpsert(trx, 'children', childId, now);
    // Merging into an archived group brings it back: it now holds the children of a group in use.
    if (into.archived_at && !from.archived_at) {
      await updateGroupRow(trx, into.id, { archived_at: null, updated_at: now.toISOString() });
      await queueUpsert(trx, 'groups', into.id, now);
    }
    await deleteGroupRow(trx, from.id);
    await queueDelete(trx, 'groups', from.id, now);
  });
  return loadGroup(core.db(), input.intoId);
}

/**
 * The group a child is put in: it must exist and not be archived — unless the child is in it
 * already (editing a child of an archived group keeps its group).
 */
export async function assertGroupChoice(trx: Trx, groupId: string, currentGroupId: string | null = null): Promise<void> {
  const group = await findGroup(trx, groupId);
  if (!group) throw new AppError('VALIDATION', msg('groups.choose'), { groupId: msg('groups.choose') });
  if (group.archived_at && group.id !== currentGroupId) {
    const message = msg('groups.archivedChoice', { name: group.name });
    throw new AppError('VALIDATION', message, { groupId: message });
  }
}

/**
 * The group with this name (after trimming and case-folding), made when there is none and brought
 * back when archived: the portability import puts children in "Nog in te delen".
 */
export async function groupNamed(core: AppCore, trx: Trx, name: string): Promise<string> {
  const key = groupNameKey(name);
  const rows = (await groupRows(trx)).filter((g) => groupNameKey(g.name) === key);
  const found = rows.find((g) => g.archived_at === null) ?? rows[0];
  const now = core.now().toISOString();
  if (found) {
    if (found.archived_at) {
      await updateGroupRow(trx, found.id, { archived_at: null, updated_at: now });
      await queueUpsert(trx, 'groups', found.id, core.now());
    }
    return found.id;
  }
  const id = uuidv7();
  const empty = { care_type: null, age_from_months: null, age_to_months: null, capacity: null };
  await insertGroup(trx, { id, location_id: await currentLocationId(trx), name: tidyGroupName(name), ...empty, archived_at: null, created_at: now, updated_at: now, version: null });
  await queueUpsert(trx, 'groups', id, core.now());
  return id;
}
