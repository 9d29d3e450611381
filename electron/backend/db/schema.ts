import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';

/** Booleans are stored as 0/1 (SQLite has no boolean type). */
type Bool = 0 | 1;

export interface LocationTable {
  id: string;
  name: string;
  address: string;
  /** LRK-nummer: Landelijk Register Kinderopvang. */
  lrk_number: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  name: string;
  username: string;
  active: Bool;
  must_change_password: Bool;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface SettingsTable {
  key: string;
  /** JSON text. */
  value: string;
}

/** Append-only, hash-chained. Ids only: never names, BSNs or medical text. */
export interface AuditLogTable {
  seq: number;
  at: string;
  user_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  /** JSON object with ids and codes only. */
  details: string;
  prev_hash: string;
  hash: string;
}

export interface Database {
  location: LocationTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DbOrTrx = Db | Trx;

export type LocationRow = Selectable<LocationTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type AuditRow = Selectable<AuditLogTable>;
