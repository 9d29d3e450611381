import { Kysely, Migrator, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type MigrationResultSet } from 'kysely';
import type { Database } from './schema';
import type { SqliteDb } from './open';
import { migrationProvider } from './migrations';

/**
 * After some errors — SQLITE_FULL above all — SQLite has already rolled the transaction back
 * itself. Kysely's ROLLBACK would then fail with "no transaction is active" and be thrown in place
 * of the real cause, so the user would never hear that the disk is full.
 */
class SqliteDriverKeepingCause extends SqliteDriver {
  constructor(private readonly sqlite: SqliteDb) {
    super({ database: sqlite });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.sqlite.inTransaction) await super.rollbackTransaction(connection);
  }
}

class SqliteDialectKeepingCause extends SqliteDialect {
  constructor(private readonly sqlite: SqliteDb) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new SqliteDriverKeepingCause(this.sqlite);
  }
}

export function createKysely(sqlite: SqliteDb): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialectKeepingCause(sqlite) });
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

/** Migrations not yet applied, and the newest applied one (null on a brand-new database). */
export async function migrationState(db: Kysely<Database>): Promise<{ pending: number; latest: string | null }> {
  const all = await new Migrator({ db, provider: migrationProvider }).getMigrations();
  const applied = all.filter((m) => m.executedAt !== undefined);
  return { pending: all.length - applied.length, latest: applied.at(-1)?.name ?? null };
}
