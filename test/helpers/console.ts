import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createConsoleUser } from '../../headoffice/console/auth.service';
import { CSRF_HEADER, SESSION_COOKIE } from '../../headoffice/console/routes';
import { connectHeadOffice, migrateHeadOffice } from '../../headoffice/db/connect';
import type { HoDb } from '../../headoffice/db/schema';
import { buildHeadOfficeServer } from '../../headoffice/service/server';
import type { ConsoleRole } from '../../shared/console/roles';

/** A head-office database of its own: SQLite in a temp dir, or a fresh schema on the shared PostgreSQL cluster. */
export async function freshHeadOfficeDb(databaseUrl?: string): Promise<{ db: HoDb; dataDir: string | null; close(): Promise<void> }> {
  const dataDir = databaseUrl ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'kop-ho-'));
  const { db } = connectHeadOffice({ databaseUrl, dataDir: dataDir ?? undefined });
  if (databaseUrl) {
    await sql`DROP SCHEMA IF EXISTS public CASCADE`.execute(db);
    await sql`CREATE SCHEMA public`.execute(db);
  }
  await migrateHeadOffice(db);
  return {
    db,
    dataDir,
    async close() {
      await db.destroy();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const CONSOLE_PASSWORD = 'Console-Wachtwoord-2026';
export const CONSOLE_USERS: Record<ConsoleRole, string> = { privacy_officer: 'privacy', fg: 'fg.extern', it: 'it.beheer' };

/** One console user per role (CONSOLE_USERS); `signIn` logs one in and gives the headers of its session (cookie and CSRF token). */
export async function withConsoleUsers(db: HoDb, app: FastifyInstance, at: Date) {
  for (const [role, username] of Object.entries(CONSOLE_USERS) as [ConsoleRole, string][]) await createConsoleUser(db, { username, name: `Test ${role}`, role, password: CONSOLE_PASSWORD }, at);
  return async function signIn(role: ConsoleRole): Promise<Record<string, string>> {
    const response = await app.inject({ method: 'POST', url: '/console/api/login', payload: { username: CONSOLE_USERS[role], password: CONSOLE_PASSWORD } });
    if (response.statusCode !== 200) throw new Error(`login as ${role}: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
    return { cookie: `${SESSION_COOKIE}=${cookie.value}`, [CSRF_HEADER]: response.json<{ csrfToken: string }>().csrfToken };
  };
}

/** The head-office service (requests by inject, not over a port) on a fresh database, its clock `now`, with a console user per role. */
export async function consoleUnderTest(options: { databaseUrl?: string; now: () => Date }) {
  const store = await freshHeadOfficeDb(options.databaseUrl);
  const app = buildHeadOfficeServer({ db: store.db, logger: false, now: options.now });
  const signIn = await withConsoleUsers(store.db, app, options.now());
  return {
    db: store.db,
    app,
    signIn,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
