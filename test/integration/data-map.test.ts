import { describe, expect, it } from 'vitest';
import { checkDataMap, DATA_MAP, type SchemaColumns } from '../../shared/dataMap';
import { makeBackend, setUpLocation } from '../helpers/backend';

type Sqlite = ReturnType<Awaited<ReturnType<typeof makeBackend>>['core']['sqlite']>;

/** Every table and its columns, as the migrated database itself reports them. */
function schemaOf(sqlite: Sqlite): SchemaColumns {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[]).map((c) => c.name)]));
}

async function migratedLocation() {
  const backend = makeBackend();
  await setUpLocation(backend);
  return backend.core.sqlite();
}

describe('the data map against the migrated schema', () => {
  it('has an entry for every table and column, and every entry exists', async () => {
    const schema = schemaOf(await migratedLocation());
    expect(Object.keys(schema).length).toBeGreaterThan(30);
    expect(checkDataMap(DATA_MAP, schema)).toEqual([]);
  });

  it('names table.column when a migration adds a column or a table the map does not know', async () => {
    const sqlite = await migratedLocation();
    sqlite.exec('ALTER TABLE parents ADD COLUMN nickname TEXT');
    sqlite.exec('CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT)');
    const problems = checkDataMap(DATA_MAP, schemaOf(sqlite));
    expect(problems).toContain('parents.nickname: column has no entry in the data map');
    expect(problems).toContain('notes: table has no entry in the data map');
  });

  it('names table.column when the map lists a column or table the schema lacks', async () => {
    const schema = { ...schemaOf(await migratedLocation()) };
    schema.children = schema.children!.filter((c) => c !== 'group_id');
    delete schema.pickup_bans;
    const problems = checkDataMap(DATA_MAP, schema);
    expect(problems).toContain('children.group_id: the data map lists a column that does not exist');
    expect(problems).toContain('pickup_bans: the data map has an entry for a table that does not exist');
  });

  it('reports paths and rules that run over columns the schema does not have', async () => {
    const schema = { ...schemaOf(await migratedLocation()) };
    schema.children = schema.children!.filter((c) => c !== 'household_id');
    const problems = checkDataMap(DATA_MAP, schema);
    expect(problems).toContain('children.household_id: the data map lists a column that does not exist');
    expect(problems).toContain("children.household_id: rule 2 goes with 'households' via a column that does not exist");
  });
});
