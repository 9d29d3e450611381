import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';

/**
 * Groups as a managed list (issue 17): until now a child's group was free text
 * (`children.group_name`), so "Dreumesen" and "dreumesen " became two groups and split the
 * fotolijst, the GGD list and the dashboard.
 *
 * - `groups`: one row per group of the location (name, care type, age range in months, capacity;
 *   archived instead of deleted while children are in it). No personal data; it syncs like the
 *   children that point to it.
 * - `children.group_id` replaces `children.group_name`: the group lives on the child, as before,
 *   and the name lives only in `groups` (one source; a rename shows on every child).
 * - Existing names become groups, trimmed (and inner runs of spaces made one). Names that differ
 *   only in case stay separate groups: the Groepen page shows them as "mogelijk dubbel" and the
 *   manager confirms a merge. Nothing is merged silently.
 * - A migrated group's id is derived from the location and its name, so two PCs of one location
 *   that migrate separately create the same groups instead of doubling them at head office.
 * - The new groups and the changed children are queued for head office (the rows as they now are),
 *   so head office and the other PCs receive group ids instead of the old names.
 */
const tidy = (name: string) => name.trim().replace(/\s+/g, ' ');

/** A UUID (version 8, RFC 9562 "custom") from the location and the trimmed name. */
function migratedGroupId(locationId: string, name: string): string {
  const h = createHash('sha256').update(`group\u0000${locationId}\u0000${name}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    // Null for a group carried over from free text until the manager fills it in.
    .addColumn('care_type', 'text', (c) => c.check(sql`care_type IN ('dagopvang', 'bso', 'peuteropvang')`))
    .addColumn('age_from_months', 'integer')
    .addColumn('age_to_months', 'integer')
    .addColumn('capacity', 'integer')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();

  // SQLite adds a column with a foreign key only without a default, so NOT NULL is the service's rule.
  await db.schema
    .alterTable('children')
    .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('set null'))
    .execute();

  const now = new Date().toISOString();
  const children = (await db.selectFrom('children').select(['id', 'location_id', 'group_name']).execute()) as { id: string; location_id: string; group_name: string }[];
  const groups = new Map<string, { id: string; locationId: string; name: string; children: string[] }>();
  for (const child of children) {
    const name = tidy(child.group_name ?? '');
    if (!name) continue;
    const key = `${child.location_id}\u0000${name}`;
    const group = groups.get(key) ?? { id: migratedGroupId(child.location_id, name), locationId: child.location_id, name, children: [] };
    group.children.push(child.id);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    await db
      .insertInto('groups')
      .values({ id: group.id, location_id: group.locationId, name: group.name, care_type: null, age_from_months: null, age_to_months: null, capacity: null, archived_at: null, created_at: now, updated_at: now, version: null })
      .execute();
    for (let i = 0; i < group.children.length; i += 500) {
      await db.updateTable('children').set({ group_id: group.id, updated_at: now }).where('id', 'in', group.children.slice(i, i + 500)).execute();
    }
  }

  await db.schema.dropIndex('children_group').execute();
  await db.schema.alterTable('children').dropColumn('group_name').execute();
  await db.schema.createIndex('children_group').on('children').column('group_id').execute();

  // Queue the groups first, then the children that point to them (head office applies in order).
  const queue = async (entity: 'groups' | 'children', rows: Record<string, unknown>[]) => {
    for (const row of rows) {
      const { version: _version, ...payload } = row;
      await db
        .insertInto('outbox')
        .values({ mutation_id: uuidv7(), entity, entity_id: String(row.id), op: 'upsert', payload: JSON.stringify(payload), base_version: null, created_at: now })
        .execute();
    }
  };
  await queue('groups', await db.selectFrom('groups').selectAll().orderBy('name').execute());
  await queue('children', await db.selectFrom('children').selectAll().where('group_id', 'is not', null).orderBy('id').execute());
}
