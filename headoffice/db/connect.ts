import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration } from 'kysely';
import pg from 'pg';
import * as m0001 from './migrations/0001_initial';
import * as m0004 from './migrations/0004_console';
import * as m0005 from './migrations/0005_sync_keys';
import * as m0006 from './migrations/0006_processors';
import * as m0007 from './migrations/0007_breach_assessments';
import * as m0008 from './migrations/0008_organisation_profile';
import * as m0009 from './migrations/0009_privacy_statements';
import * as m0010 from './migrations/0010_location_statistics';
import * as m0011 from './migrations/0011_key_rotation';
import * as m0013 from './migrations/0013_device_conflicts';
import * as m0015 from './migrations/0015_processor_countries';
import * as m0016 from './migrations/0016_key_recovery_wraps';
import * as m0017 from './migrations/0017_device_conflicts_cursor';
import type { HeadOfficeDatabase, HoDb } from './schema';

const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0004_console': m0004,
  '0005_sync_keys': m0005,
  '0006_processors': m0006,
  '0007_breach_assessments': m0007,
  '0008_organisation_profile': m0008,
  '0009_privacy_statements': m0009,
  '0010_location_statistics': m0010,
  '0011_key_rotation': m0011,
  '0013_device_conflicts': m0013,
  '0015_processor_countries': m0015,
  '0016_key_recovery_wraps': m0016,
  '0017_device_conflicts_cursor': m0017,
};

/**
 * PostgreSQL when DATABASE_URL is set (production: several stateless instances on one database),
 * otherwise an embedded SQLite file in the data dir.
 */
export function connectHeadOffice(options: { databaseUrl?: string | undefined; dataDir?: string | undefined }): { db: HoDb; dialect: 'postgres' | 'sqlite' } {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 20 });
    return { db: new Kysely<HeadOfficeDatabase>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  if (!options.dataDir) throw new Error('geef --data-dir of DATABASE_URL op');
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const sqlite = new Database(path.join(options.dataDir, 'hoofdkantoor.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // A tombstone replaces a record's payload: the old bytes are overwritten, not left in free pages.
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  return { db: new Kysely<HeadOfficeDatabase>({ dialect: new SqliteDialect({ database: sqlite }) }), dialect: 'sqlite' };
}

export async function migrateHeadOffice(db: HoDb): Promise<void> {
  const result = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
}
