import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/translate';
import { writeFileAtomic } from './files';

/**
 * Keyring: the database key (32 random bytes) wrapped once per user and once for recovery.
 *
 * - A user slot is AES-256-GCM under a key from the user's password with scrypt.
 * - The recovery slot is AES-256-GCM under a key derived (HKDF) from the 160-bit herstelsleutel.
 * - Each slot authenticates its own identity (type, user id, username) as GCM associated data,
 *   so slots cannot be swapped between users.
 * - The whole file may additionally be sealed by an OS protector (Electron safeStorage).
 *
 * The database key exists in clear only in memory. A failed unwrap changes no file.
 */

const scrypt = promisify(scryptCb) as (password: string | Buffer, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** 2^17 · 8 · 128 B = 128 MiB of memory per guess: OWASP's recommended minimum for scrypt. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const Sealed = z.object({ iv: b64, tag: b64, ct: b64 });

const UserSlot = Sealed.extend({
  userId: z.string(),
  username: z.string(),
  salt: b64,
  kdf: z.object({ N: z.number().int(), r: z.number().int(), p: z.number().int() }),
});
export type UserSlot = z.infer<typeof UserSlot>;

const RecoverySlot = Sealed.extend({ salt: b64 });

export const KeyringFile = z.object({
  format: z.literal(1),
  /** Not personal data; shown on the login screen while the database is still locked. */
  locationName: z.string(),
  /** SHA-256 of the DB key, truncated: tells "wrong recovery key" from "keyring damaged". */
  keyId: z.string(),
  users: z.array(UserSlot),
  recovery: RecoverySlot,
});
export type KeyringData = z.infer<typeof KeyringFile>;

/** Extra layer over the keyring file, e.g. Electron's safeStorage (DPAPI / Keychain / libsecret). */
export interface KeyringProtector {
  readonly name: string;
  seal(plain: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

const PROTECTED_MAGIC = Buffer.from('KOPKR1\n');

function seal(key: Buffer, plain: Buffer, aad: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

function unseal(key: Buffer, sealed: z.infer<typeof Sealed>, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

const userAad = (userId: string, username: string) => `user-slot:v1:${userId}:${username}`;
const RECOVERY_AAD = 'recovery-slot:v1';
const keyIdOf = (dbKey: Buffer) => createHash('sha256').update(dbKey).digest('hex').slice(0, 16);

async function passwordKey(password: string, salt: Buffer, kdf: ScryptParams): Promise<Buffer> {
  return scrypt(password.normalize('NFC'), salt, 32, { ...kdf, maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024 });
}

// ---- Recovery key (herstelsleutel) ---------------------------------------------------------

/** Crockford base32 without I, L, O, U: easy to read aloud and to type from paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 32 characters = 160 bits, printed as 8 groups of 4. */
export function generateRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts lower case, spaces and the usual look-alikes (O→0, I/L→1). */
export function normaliseRecoveryKey(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

function recoveryWrappingKey(recoveryKey: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', normaliseRecoveryKey(recoveryKey), salt, 'kinderopvang-recovery-slot', 32));
}

// ---- File I/O ------------------------------------------------------------------------------

export class Keyring {
  private constructor(
    readonly file: string,
    private state: KeyringData,
    private readonly protector: KeyringProtector | null,
    private readonly kdf: ScryptParams,
  ) {}

  /**
   * A keyring from data held elsewhere (a backup's copy). `file` is where `save` would write;
   * nothing is written until a slot changes or `writeTo` is called.
   */
  static fromData(file: string, data: KeyringData, protector: KeyringProtector | null, kdf: ScryptParams = DEFAULT_SCRYPT): Keyring {
    return new Keyring(file, KeyringFile.parse(data), protector, kdf);
  }

  /** The slots as stored, without the OS layer: wrapped keys only, never the DB key itself. */
  get data(): KeyringData {
    return this.state;
  }

  get keyId(): string {
    return this.state.keyId;
  }

  /** Writes this keyring to `file` (atomic), sealed by this keyring's protector. */
  writeTo(file: string): void {
    Keyring.fromData(file, this.state, this.protector, this.kdf).save();
  }

  static exists(file: string) {
    return fs.existsSync(file);
  }

  static load(file: string, protector: KeyringProtector | null, kdf: ScryptParams = DEFAULT_SCRYPT): Keyring {
    let raw: Buffer = fs.readFileSync(file);
    if (raw.subarray(0, PROTECTED_MAGIC.length).equals(PROTECTED_MAGIC)) {
      if (!protector) throw new AppError('LOCKED', msg('security.keyringOsProtected'));
      raw = protector.open(raw.subarray(PROTECTED_MAGIC.length));
    }
    const parsed = KeyringFile.safeParse(JSON.parse(raw.toString('utf8')));
    if (!parsed.success) throw new AppError('INTERNAL', msg('security.keyringDamaged'));
    return new Keyring(file, parsed.data, protector, kdf);
  }

  /** Creates the keyring for a new database: a fresh DB key, the first user's slot and the recovery slot. */
  static async create(
    file: string,
    options: { dbKey: Buffer; locationName: string; user: { id: string; username: string; password: string }; protector: KeyringProtector | null; kdf?: ScryptParams },
  ): Promise<{ keyring: Keyring; recoveryKey: string }> {
    const { dbKey } = options;
    const recoveryKey = generateRecoveryKey();
    const recoverySalt = randomBytes(16);
    const keyring = new Keyring(
      file,
      {
        format: 1,
        locationName: options.locationName,
        keyId: keyIdOf(dbKey),
        users: [],
        recovery: { salt: recoverySalt.toString('base64'), ...seal(recoveryWrappingKey(recoveryKey, recoverySalt), dbKey, RECOVERY_AAD) },
      },
      options.protector,
      options.kdf ?? DEFAULT_SCRYPT,
    );
    await keyring.setUserSlot(dbKey, options.user.id, options.user.username, options.user.password);
    return { keyring, recoveryKey };
  }

  get locationName() {
    return this.state.locationName;
  }

  get userSlotCount() {
    return this.state.users.length;
  }

  get hasRecoverySlot() {
    return Boolean(this.state.recovery.ct);
  }

  get osProtected() {
    return this.protector !== null;
  }

  slotFor(username: string): UserSlot | undefined {
    return this.state.users.find((slot) => slot.username === username);
  }

  /** Returns the DB key, or null when the password (or username) is wrong. Never writes. */
  async unlockWithPassword(username: string, password: string): Promise<{ dbKey: Buffer; userId: string } | null> {
    const slot = this.slotFor(username);
    // Spend the same scrypt time for unknown users so timing does not reveal which usernames exist.
    const salt = slot ? Buffer.from(slot.salt, 'base64') : randomBytes(16);
    const key = await passwordKey(password, salt, slot?.kdf ?? this.kdf);
    if (!slot) return null;
    const dbKey = unseal(key, slot, userAad(slot.userId, slot.username));
    return dbKey && this.matchesKeyId(dbKey) ? { dbKey, userId: slot.userId } : null;
  }

  unlockWithRecoveryKey(recoveryKey: string): Buffer | null {
    const { recovery } = this.state;
    const dbKey = unseal(recoveryWrappingKey(recoveryKey, Buffer.from(recovery.salt, 'base64')), recovery, RECOVERY_AAD);
    return dbKey && this.matchesKeyId(dbKey) ? dbKey : null;
  }

  /** Adds or replaces (re-wraps) one user's slot; the other slots are untouched. */
  async setUserSlot(dbKey: Buffer, userId: string, username: string, password: string): Promise<void> {
    const salt = randomBytes(16);
    const key = await passwordKey(password, salt, this.kdf);
    const slot: UserSlot = { userId, username, salt: salt.toString('base64'), kdf: { ...this.kdf }, ...seal(key, dbKey, userAad(userId, username)) };
    this.state = { ...this.state, users: [...this.state.users.filter((s) => s.userId !== userId), slot] };
    this.save();
  }

  /** A new herstelsleutel; the old one no longer opens anything. Returns the new key (shown once). */
  replaceRecoverySlot(dbKey: Buffer): string {
    const recoveryKey = generateRecoveryKey();
    const salt = randomBytes(16);
    this.state = { ...this.state, recovery: { salt: salt.toString('base64'), ...seal(recoveryWrappingKey(recoveryKey, salt), dbKey, RECOVERY_AAD) } };
    this.save();
    return recoveryKey;
  }

  removeUserSlot(userId: string): void {
    this.state = { ...this.state, users: this.state.users.filter((s) => s.userId !== userId) };
    this.save();
  }

  private matchesKeyId(dbKey: Buffer) {
    return timingSafeEqual(Buffer.from(keyIdOf(dbKey)), Buffer.from(this.state.keyId));
  }

  private save() {
    let bytes: Buffer = Buffer.from(JSON.stringify(this.state, null, 2), 'utf8');
    if (this.protector) bytes = Buffer.concat([PROTECTED_MAGIC, this.protector.seal(bytes)]);
    writeFileAtomic(this.file, bytes);
  }
}
