import { Kysely, Migrator, SqliteDialect, type MigrationResultSet } from 'kysely';
import type { Database } from './schema';
import type { SqliteDb } from './open';
import { migrationProvider } from './migrations';

export function createKysely(sqlite: SqliteDb): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

function check(result: MigrationResultSet) {
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  check(await new Migrator({ db, provider: migrationProvider }).migrateToLatest());
}

/** For migration tests: bring a database to exactly `name`, then write old-shaped rows. */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<void> {
  check(await new Migrator({ db, provider: migrationProvider }).migrateTo(name));
}
