import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { AppState } from '../../shared/api/app.contract';
import type { RestoreCredential } from '../../shared/api/backup.contract';
import type { Role } from '../../shared/auth/permissions';
import { AppError } from '../../shared/api/result';
import { msg } from '../../shared/i18n/translate';
import { Keyring, type KeyringProtector, type ScryptParams, DEFAULT_SCRYPT } from './db/keyring';
import { createKysely, migrateToLatest, migrationState } from './db/kysely';
import { checkDatabaseFile, type DatabaseProblem } from './db/integrity';
import { openEncryptedDatabase, type SqliteDb } from './db/open';
import type { Database, Trx } from './db/schema';
import { appendAudit, type AuditEntry } from './modules/audit/audit.service';
import { backupNow } from './modules/backup/backup.service';
import { appendToMirror, reconcileMirror, takeQueued } from './modules/backup/destructionMirror';
import { destructionLogEntries } from './modules/retention/retention.repository';
import { isoDateIn } from '../../shared/domain/clock';
import { AttemptThrottle } from './attemptThrottle';

export interface BackendOptions {
  dataDir: string;
  /** Folder with fonts and PDF assets (`resources/`). */
  resourcesDir: string;
  /** OS protection for the keyring file (Electron safeStorage); null in web mode and tests. */
  protector?: KeyringProtector | null;
  /** scrypt cost; tests lower it, production uses the default. */
  kdf?: ScryptParams;
  now?: () => Date;
}

export interface Session {
  userId: string;
  name: string;
  username: string;
  roles: Role[];
  mustChangePassword: boolean;
  lastActivity: number;
  previousLoginAt: string | null;
}

/** What the sync API needs of the background scheduler (kept minimal to avoid an import cycle). */
export interface SchedulerHandle {
  readonly isRunning: boolean;
  readonly nextAttemptAt: number;
  runNow(): Promise<unknown>;
  trigger(): void;
  stop(): Promise<void>;
  start(): void;
}

/** A failed login, held in memory (nothing may change on disk) and audited at the next unlock. */
interface PendingFailure {
  at: Date;
  userId: string | null;
  /** Which credential was wrong. */
  kind: RestoreCredential['kind'];
}

/** The database could not be read or failed its integrity check at unlock. */
export interface Corruption extends DatabaseProblem {
  detectedAt: string;
}

/** Login and restore credentials: the first 3 failures are free, then 1, 2, 4 … seconds, at most 5 minutes. */
const LOGIN_THROTTLE = { freeAttempts: 3, firstDelayMs: 1000, maxDelayMs: 5 * 60_000 };

/**
 * The process-wide state: which data dir, whether the database is open, who is logged in.
 * The database is open only while someone is logged in; locking closes it and wipes the key.
 */
export class AppCore {
  readonly dbFile: string;
  readonly keyringFile: string;
  readonly protector: KeyringProtector | null;
  readonly kdf: ScryptParams;
  readonly now: () => Date;
  private connection: { sqlite: SqliteDb; db: Kysely<Database>; key: Buffer } | null = null;
  /** The transaction the current async call runs in, if any. */
  private readonly ambient = new AsyncLocalStorage<Trx>();
  session: Session | null = null;
  private readonly loginThrottle: AttemptThrottle;
  private pendingFailures: PendingFailure[] = [];
  scheduler: SchedulerHandle | null = null;
  /** The herstelsleutel, held only between setup and the manager confirming it was saved. */
  pendingRecoveryKey: string | null = null;
  /** Set when unlocking found the database damaged; cleared by a restore. Nothing is opened meanwhile. */
  corruption: Corruption | null = null;

  constructor(readonly options: BackendOptions) {
    fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    this.dbFile = path.join(options.dataDir, 'locatie.db');
    this.keyringFile = path.join(options.dataDir, 'sleutels.json');
    this.protector = options.protector ?? null;
    this.kdf = options.kdf ?? DEFAULT_SCRYPT;
    this.now = options.now ?? (() => new Date());
    this.loginThrottle = new AttemptThrottle(LOGIN_THROTTLE, this.now);
  }

  /** Today on the app's clock, in the location's calendar (YYYY-MM-DD). */
  today(): string {
    return isoDateIn(this.now());
  }

  get state(): AppState {
    if (!Keyring.exists(this.keyringFile)) return 'setup';
    if (this.corruption) return 'corrupt';
    return this.session ? 'unlocked' : 'locked';
  }

  loadKeyring(): Keyring {
    return Keyring.load(this.keyringFile, this.protector, this.kdf);
  }

  get isOpen() {
    return this.connection !== null;
  }

  /** The database; inside a method's transaction (see `transaction`), that transaction. */
  db(): Kysely<Database> {
    if (!this.connection) throw new AppError('LOCKED', msg('common.locked'));
    return this.ambient.getStore() ?? this.connection.db;
  }

  sqlite(): SqliteDb {
    if (!this.connection) throw new AppError('LOCKED', msg('common.locked'));
    return this.connection.sqlite;
  }

  dbKey(): Buffer {
    if (!this.connection) throw new AppError('LOCKED', msg('common.locked'));
    return this.connection.key;
  }

  /**
   * Opens the encrypted database with the unwrapped key and brings its schema up to date.
   * An existing database is first checked read-only (every page authenticated): a damaged or
   * missing file sets `corruption` and is never opened for writing. Before a migration changes
   * an existing database, a backup is made; without one the migration does not run.
   */
  async open(key: Buffer, options: { create?: boolean } = {}): Promise<void> {
    if (this.connection) {
      if (this.connection.key.equals(key)) return;
      await this.close();
    }
    if (!options.create) {
      const problem = checkDatabaseFile(this.dbFile, key, 'quick');
      if (problem) {
        this.corruption = { ...problem, detectedAt: this.now().toISOString() };
        throw new AppError('DB_CORRUPT', msg('backup.databaseDamaged'));
      }
    }
    const sqlite = openEncryptedDatabase(this.dbFile, key);
    const db = createKysely(sqlite);
    this.connection = { sqlite, db, key: Buffer.from(key) };
    try {
      const { pending, latest } = await migrationState(db);
      const backup = pending > 0 && latest !== null ? await this.backupBeforeMigration() : null;
      await migrateToLatest(db);
      if (backup) await this.audit({ userId: null, action: 'backup.create', details: { reason: 'migration', fromSchema: backup.schemaVersion } });
      this.reconcileDestructionMirror(await destructionLogEntries(db));
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  private async backupBeforeMigration() {
    try {
      return await backupNow(this, 'migration', { audit: false });
    } catch (error) {
      // The backup's own reason (a catalogue key without parameters, see backupError) is translated along.
      const reason = error instanceof AppError ? error.ref?.key : undefined;
      throw new AppError(
        error instanceof AppError ? error.code : 'INTERNAL',
        reason ? msg('backup.migrationBackupFailedBecause', { reason }) : msg('backup.migrationBackupFailed'),
      );
    }
  }

  async close(): Promise<void> {
    const conn = this.connection;
    this.connection = null;
    this.session = null;
    if (!conn) return;
    await conn.db.destroy(); // closes the better-sqlite3 handle (checkpoints the WAL)
    conn.key.fill(0);
  }

  /**
   * Runs `work` in a transaction. Inside a method the dispatcher runs in one transaction (audited
   * methods), a nested call joins it: the change, its outbox row and its audit row commit together.
   */
  async transaction<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
    const outer = this.ambient.getStore();
    if (outer) return work(outer);
    const seen: { trx?: Trx } = {};
    const result = await this.db()
      .transaction()
      .execute((trx) => {
        seen.trx = trx;
        return this.ambient.run(trx, () => work(trx));
      });
    // Committed: what it destroyed goes to the log's mirror outside the database (see destructionMirror).
    if (seen.trx) this.mirrorDestructions(takeQueued(seen.trx));
    return result;
  }

  /**
   * Appends to the destruction log's mirror and fsyncs it. The database already holds the entries,
   * so a failure here (a full disk) does not undo the committed change: the next unlock copies
   * what the mirror lacks from the log.
   */
  private mirrorDestructions(entries: Parameters<typeof appendToMirror>[1]): void {
    try {
      appendToMirror(this.options.dataDir, entries);
    } catch {
      // Repaired by reconcileDestructionMirror at the next open.
    }
  }

  private reconcileDestructionMirror(entries: Parameters<typeof reconcileMirror>[1]): void {
    try {
      reconcileMirror(this.options.dataDir, entries);
    } catch {
      // Tried again at the next open; the database's own log is intact meanwhile.
    }
  }

  /** True inside a transaction (methods that must not run in one check this). */
  get inTransaction(): boolean {
    return this.ambient.getStore() !== undefined;
  }

  audit(entry: AuditEntry): Promise<unknown> {
    return this.transaction((trx) => appendAudit(trx, entry, this.now()));
  }

  // ---- login throttling --------------------------------------------------------------------

  /** Seconds until the next attempt is allowed (0 = now). */
  loginDelaySeconds(): number {
    return this.loginThrottle.waitSeconds();
  }

  assertMayAttempt(): void {
    this.loginThrottle.assertMayAttempt();
  }

  recordFailure(userId: string | null, kind: PendingFailure['kind']): void {
    this.loginThrottle.recordFailure();
    this.pendingFailures.push({ at: this.now(), userId, kind });
  }

  /** After a successful unlock: reset the delay and write the failures that happened meanwhile. */
  async flushFailures(trx: Trx): Promise<void> {
    this.loginThrottle.reset();
    const pending = this.pendingFailures;
    this.pendingFailures = [];
    for (const failure of pending) {
      await appendAudit(
        trx,
        {
          userId: failure.userId,
          action: failure.kind === 'password' ? 'auth.login.failed' : 'auth.recover.failed',
          details: { knownUser: failure.userId !== null },
          at: failure.at,
        },
        this.now(),
      );
    }
  }

  // ---- idle lock -----------------------------------------------------------------------------

  /** True when the session has been idle longer than allowed (the renderer normally locks first). */
  isIdleExpired(idleTimeoutMinutes: number): boolean {
    if (!this.session) return false;
    const graceMs = 30_000;
    return this.now().getTime() - this.session.lastActivity > idleTimeoutMinutes * 60_000 + graceMs;
  }
}
