import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_ROTATION, KEPT_ASIDE_DAYS, type BackupInfo, type BackupReason, type BackupStatus, type RestoreCredential, type RestoreResult } from '../../../../shared/api/backup.contract';
import { AppError } from '../../../../shared/api/result';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore } from '../../core';
import { fsyncDir } from '../../db/files';
import { checkDatabaseFile, type DatabaseProblem } from '../../db/integrity';
import { Keyring } from '../../db/keyring';
import { createKysely, migrationState } from '../../db/kysely';
import { openEncryptedDatabase } from '../../db/open';
import { isDiskFull } from '../../db/storageErrors';
import { appendAudit, verifyAuditChain } from '../audit/audit.service';
import { destructionLogEntries } from '../retention/retention.repository';
import { findUserById } from '../users/users.repository';
import { backupFolder, readBackupConfig, writeBackupConfig } from './backup.config';
import { BACKUP_EXTENSION, backupFileName, extractDatabase, readBackupHeader, writeBackupFile, type BackupHeader } from './backup.file';
import { readMirror, reconcileMirror } from './destructionMirror';
import { backupsToKeep } from './rotation';

const DAY_MS = 86_400_000;

const infoOf = (file: string, header: BackupHeader, sizeBytes: number): BackupInfo => ({
  file,
  createdAt: header.createdAt,
  reason: header.reason,
  sizeBytes,
  schemaVersion: header.schemaVersion,
});

/** The backups in a folder, newest first. Files that are not complete backups are left out (and never deleted). */
export function listBackups(folder: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((name) => name.endsWith(BACKUP_EXTENSION));
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    try {
      backups.push(infoOf(name, readBackupHeader(file), fs.statSync(file).size));
    } catch {
      // Incomplete or foreign file: not offered for restore.
    }
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function backupError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDiskFull(error)) return new AppError('DISK_FULL', msg('backup.diskFull'));
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new AppError('VALIDATION', msg('backup.folderNotWritable'));
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EEXIST' || code === 'SQLITE_CANTOPEN') return new AppError('VALIDATION', msg('backup.folderUnreachable'));
  return new AppError('INTERNAL', msg('backup.failed'));
}

/**
 * Makes an encrypted backup of the open database in the backup folder, then applies the rotation.
 * The retention run (vernietiging) calls this with reason 'destruction' before it deletes
 * anything; it must be called outside a transaction. Audited here as `backup.create` — for every
 * reason, as most backups are no method call (daily, before a migration or destruction, the CLI) —
 * unless `audit: false` (the pre-migration backup is audited after the migration).
 */
export async function backupNow(
  core: AppCore,
  reason: BackupReason,
  options: { userId?: string | null; audit?: boolean; /** instead of the configured folder (support CLI) */ folder?: string } = {},
): Promise<BackupInfo> {
  const folder = options.folder ?? backupFolder(core.options.dataDir).folder;
  const createdAt = core.now();
  const file = backupFileName(createdAt, reason);
  let info: BackupInfo;
  let removed = 0;
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const { latest } = await migrationState(core.db());
    const header = { format: 1 as const, createdAt: createdAt.toISOString(), reason, schemaVersion: latest ?? '', keyring: core.loadKeyring().data };
    const { sizeBytes } = writeBackupFile(core.sqlite(), path.join(folder, file), header);
    info = { file, createdAt: header.createdAt, reason, sizeBytes, schemaVersion: header.schemaVersion };
    removed = rotate(folder, core.now());
  } catch (error) {
    throw backupError(error);
  }
  writeBackupConfig(core.options.dataDir, { lastError: null });
  if (options.audit !== false) {
    await core.audit({ userId: options.userId ?? core.session?.userId ?? null, action: 'backup.create', details: { reason, removed } });
  }
  return info;
}

function rotate(folder: string, now: Date): number {
  const backups = listBackups(folder);
  const keep = backupsToKeep(backups, now);
  let removed = 0;
  for (const backup of backups) {
    if (keep.has(backup)) continue;
    fs.rmSync(path.join(folder, backup.file), { force: true });
    removed++;
  }
  if (removed > 0) fsyncDir(folder);
  return removed;
}

/**
 * The daily automatic backup: runs when the database is open and the newest backup is a day old.
 * Each check (at unlock and every few minutes) also applies the rotation — so backups older than
 * 8 weeks go even on a day no backup is due or the backup fails — and removes replaced databases
 * kept aside by a restore that has been in use for 30 days.
 */
export async function runDailyBackupIfDue(core: AppCore): Promise<BackupInfo | null> {
  if (!core.isOpen || !core.session) return null;
  await removeOldKeptAside(core);
  const folder = backupFolder(core.options.dataDir).folder;
  const newest = listBackups(folder)[0];
  if (newest && core.now().getTime() - Date.parse(newest.createdAt) < DAY_MS) {
    await rotateQuietly(core, folder);
    return null;
  }
  try {
    return await backupNow(core, 'daily');
  } catch (error) {
    const message = error instanceof AppError ? error.message : String(error);
    writeBackupConfig(core.options.dataDir, { lastError: { at: core.now().toISOString(), message } });
    await rotateQuietly(core, folder);
    return null;
  }
}

/** The rotation without a new backup; audited (counts only) when it removed something. */
async function rotateQuietly(core: AppCore, folder: string): Promise<void> {
  let removed = 0;
  try {
    removed = rotate(folder, core.now());
  } catch {
    // An unreachable folder: nothing to remove now; the next check tries again.
  }
  if (removed > 0) await core.audit({ userId: null, action: 'backup.rotate', details: { removed } });
}

const KEPT_ASIDE = /^voor-herstel-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;

/** When a `voor-herstel-<time>` folder was made (the restore's time, from its name); null for other names. */
function keptAsideAt(name: string): Date | null {
  const m = KEPT_ASIDE.exec(name);
  if (!m) return null;
  const at = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/**
 * Removes `voor-herstel-<time>/` folders (the database a restore replaced) once the restored
 * database has been in use for 30 days. Called only with the current database open, i.e. after
 * the restore succeeded; a damaged database never gets this far, so its copy stays.
 */
async function removeOldKeptAside(core: AppCore): Promise<string[]> {
  const dataDir = core.options.dataDir;
  const limit = core.now().getTime() - KEPT_ASIDE_DAYS * DAY_MS;
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dataDir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const at = keptAsideAt(name);
    if (!at || at.getTime() > limit) continue;
    fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  if (removed.length > 0) {
    fsyncDir(dataDir);
    await core.audit({ userId: null, action: 'backup.keptAsideRemoved', details: { count: removed.length } });
  }
  return removed;
}

export function backupStatus(core: AppCore): BackupStatus {
  const { folder, isDefault } = backupFolder(core.options.dataDir);
  const backups = listBackups(folder);
  return {
    folder,
    folderIsDefault: isDefault,
    rotation: { ...BACKUP_ROTATION },
    lastBackup: backups[0] ?? null,
    lastError: readBackupConfig(core.options.dataDir).lastError,
    backups,
  };
}

/** Sets the backup folder after checking the app can create and remove a file in it. */
export function setBackupFolder(core: AppCore, folder: string): BackupStatus {
  if (!path.isAbsolute(folder)) throw new AppError('VALIDATION', msg('backup.folderNotAbsolute'), { folder: msg('backup.folderAbsolute') });
  const probe = path.join(folder, `.schrijftest-${process.pid}`);
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (error) {
    const problem = backupError(error);
    throw new AppError('VALIDATION', problem.original, { folder: problem.original });
  }
  writeBackupConfig(core.options.dataDir, { folder: path.resolve(folder), lastError: null });
  return backupStatus(core);
}

// ---- Restore ---------------------------------------------------------------------------------

const WRONG_CREDENTIAL = msg('backup.wrongCredential');

/**
 * The backup's key from a credential: first the keyring inside the backup (passwords as they
 * were then; the only one on another PC), then this PC's keyring if it belongs to the same
 * database (current passwords, a rotated herstelsleutel).
 */
async function unlockBackup(core: AppCore, header: BackupHeader, credential: RestoreCredential): Promise<{ dbKey: Buffer; userId: string | null } | null> {
  const keyrings = [Keyring.fromData(core.keyringFile, header.keyring, null, core.kdf)];
  if (Keyring.exists(core.keyringFile)) {
    try {
      const current = core.loadKeyring();
      if (current.keyId === header.keyring.keyId) keyrings.push(current);
    } catch {
      // A damaged keyring on this PC: the backup's own keyring still works.
    }
  }
  for (const keyring of keyrings) {
    if (credential.kind === 'recoveryKey') {
      const dbKey = keyring.unlockWithRecoveryKey(credential.recoveryKey);
      if (dbKey) return { dbKey, userId: null };
    } else {
      const unlocked = await keyring.unlockWithPassword(credential.username, credential.password);
      if (unlocked) return unlocked;
    }
  }
  return null;
}

/** A staged backup that is not used; nothing was replaced. */
const refusal = (problem: DatabaseProblem) => new AppError('VALIDATION', msg(problem.kind === 'unencrypted' ? 'backup.refusedUnencrypted' : 'backup.refusedDamaged'));

/**
 * Checks a staged copy before anything is replaced: SQLite's full integrity check (which also
 * authenticates every page), the cipher, the audit chain, and — for a password — that the user
 * was an active manager in that backup.
 */
async function verifyStaged(file: string, dbKey: Buffer, userId: string | null, now: Date): Promise<void> {
  const problem = checkDatabaseFile(file, dbKey, 'full');
  if (problem) throw refusal(problem);
  const db = createKysely(openEncryptedDatabase(file, dbKey, { readonly: true }));
  try {
    const chain = await verifyAuditChain(db, now);
    if (!chain.ok) throw new AppError('VALIDATION', msg('backup.refusedAuditChain', { reason: chain.reason ?? '' }));
    if (userId !== null) {
      const user = await findUserById(db, userId);
      if (!user || user.active !== 1 || !user.roles.includes('manager')) {
        throw new AppError('FORBIDDEN', msg('backup.managerOnly'));
      }
    }
  } finally {
    await db.destroy();
  }
}

const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

/**
 * Moves the current database files and keyring into `voor-herstel-<time>/`: kept until the restored
 * database has been in use for 30 days (removeOldKeptAside), then removed.
 */
function moveAside(core: AppCore, at: Date): string | null {
  const files = [core.dbFile, `${core.dbFile}-wal`, `${core.dbFile}-shm`, core.keyringFile].filter((file) => fs.existsSync(file));
  if (files.length === 0) return null;
  const dir = path.join(core.options.dataDir, `voor-herstel-${stamp(at)}`);
  fs.mkdirSync(dir, { mode: 0o700 });
  for (const file of files) fs.renameSync(file, path.join(dir, path.basename(file)));
  fsyncDir(core.options.dataDir);
  return dir;
}

function moveBack(core: AppCore, dir: string): void {
  for (const name of fs.readdirSync(dir)) fs.renameSync(path.join(dir, name), path.join(core.options.dataDir, name));
  fs.rmdirSync(dir);
}

/**
 * Restores a backup: unwrap its key, copy it out and verify it, and only then close the current
 * database, keep it aside and put the backup in its place. Before the restored database is used,
 * everything destroyed or erased after the backup was made is destroyed again (from the destruction
 * log's mirror outside the database, so this works when the current database is damaged too); if
 * that fails, the replaced database goes back. Ends locked; the restore itself is the first audit
 * row written in the restored database (here, not by the dispatcher: the database the call started
 * with is gone by then), the re-destruction (counts only) the second.
 */
export async function restoreBackup(
  core: AppCore,
  input: { folder: string; file: string; credential: RestoreCredential },
): Promise<RestoreResult> {
  const source = path.join(input.folder, input.file);
  if (path.dirname(source) !== path.resolve(input.folder) || !fs.existsSync(source)) {
    throw new AppError('NOT_FOUND', msg('backup.notFound'));
  }
  const header = readBackupHeader(source);
  core.assertMayAttempt();
  const unlocked = await unlockBackup(core, header, input.credential);
  if (!unlocked) {
    core.recordFailure(null, input.credential.kind === 'password' ? 'password' : 'recoveryKey');
    throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIAL);
  }
  const { dbKey } = unlocked;
  const now = core.now();
  const staged = path.join(core.options.dataDir, `herstel-${stamp(now)}.db`);
  const currentKeyring = Keyring.exists(core.keyringFile) ? safeLoad(core) : null;
  try {
    extractDatabase(source, header, staged);
    await verifyStaged(staged, dbKey, unlocked.userId, now);

    // What was destroyed until now, also when the current database cannot be read: the mirror
    // outside it, completed from the current database's own log while it is still open.
    if (core.isOpen) reconcileMirror(core.options.dataDir, await destructionLogEntries(core.db()));
    const destroyed = readMirror(core.options.dataDir);

    await core.close();
    const keptAside = moveAside(core, now);
    try {
      fs.renameSync(staged, core.dbFile);
      // Same database key: keep this PC's keyring (today's passwords); otherwise the backup's.
      const keyring = currentKeyring?.keyId === header.keyring.keyId ? currentKeyring : Keyring.fromData(core.keyringFile, header.keyring, core.protector, core.kdf);
      keyring.writeTo(core.keyringFile);
    } catch (error) {
      fs.rmSync(core.dbFile, { force: true });
      if (keptAside) moveBack(core, keptAside);
      throw error;
    }
    // Restored from a share on a new PC: later backups go to that share too.
    if (path.resolve(input.folder) !== backupFolder(core.options.dataDir).folder) writeBackupConfig(core.options.dataDir, { folder: path.resolve(input.folder) });
    core.corruption = null;
    const folderNow = backupFolder(core.options.dataDir).folder;
    const backupsBefore = new Set(listBackups(folderNow).map((b) => b.file));
    try {
      await core.open(dbKey);
      await core.audit({
        userId: unlocked.userId,
        action: 'backup.restore',
        details: { reason: header.reason, backupCreatedAt: header.createdAt, via: input.credential.kind, keptAside: keptAside !== null },
      });
      // Before anyone uses it: what was destroyed or erased after the backup was made goes again.
      // Loaded here, not at the top: it needs every retention category (and their PDF code), which
      // the core — importing this module — should not load at start-up.
      const { redestroyAfterRestore } = await import('../retention/redestroy');
      await core.transaction(async (trx) => {
        const counts = await redestroyAfterRestore(trx, destroyed, header.createdAt, core.now());
        await appendAudit(trx, { userId: unlocked.userId, action: 'backup.redestroy', details: { backupCreatedAt: header.createdAt, ...counts } }, core.now());
      });
    } catch (error) {
      // The restored database is not used with destroyed data in it: the replaced one goes back.
      await core.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(core.dbFile + suffix, { force: true });
      if (keptAside) moveBack(core, keptAside);
      else fs.rmSync(core.keyringFile, { force: true });
      if (error instanceof AppError) throw error;
      throw new AppError('INTERNAL', msg('backup.redestroyFailed'));
    }
    // An older backup was migrated on opening, with a backup first: that copy still holds what was
    // destroyed again just now, and would outlive the backup it was restored from. It goes.
    for (const made of listBackups(folderNow)) {
      if (!backupsBefore.has(made.file) && made.reason === 'migration') fs.rmSync(path.join(folderNow, made.file), { force: true });
    }
    await core.close();
    return { restored: infoOf(input.file, header, fs.statSync(source).size), keptAside };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw isDiskFull(error) ? new AppError('DISK_FULL', msg('backup.restoreDiskFull')) : error;
  } finally {
    dbKey.fill(0);
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(staged + suffix, { force: true });
  }
}

function safeLoad(core: AppCore): Keyring | null {
  try {
    return core.loadKeyring();
  } catch {
    return null;
  }
}
