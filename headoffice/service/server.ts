import fs from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { EnrolRequest } from '../../shared/sync/protocol';
import { safeParsePushRequest } from '../../shared/sync/wire';
import { registerConsoleApi } from '../console/routes';
import { DEFAULT_CONSOLE_UI_DIR, registerConsoleUi } from '../console/ui';
import type { HoDb } from '../db/schema';
import { currentEscrowKey, EscrowUpload, storeEscrow } from './escrow.service';
import { claimLocationKey, consumeTransfer, KeyClaim, KeyRotation, listRecoveryWraps, listRotations, locationKeyState, openTransfers, RecoveryWrapUpload, rotateLocationKey, storeRecoveryWrap, storeTransfer, TransferConsume, TransferUpload, withdrawRecoveryWrap } from './keys.service';
import { authenticateDevice, enrolDevice, pull, push, type Device } from './sync.service';

declare module 'fastify' {
  interface FastifyRequest {
    device?: Device;
  }
}

export interface HeadOfficeOptions {
  db: HoDb;
  /** pino logger options; false in tests. */
  logger?: boolean | { level: string };
  tls?: { certFile: string; keyFile: string };
  now?: () => Date;
  /** The built console page (console.html + assets/); `out/renderer` of this checkout by default. */
  consoleUiDir?: string;
}

/** The head-office sync service. Stateless: every fact lives in the database. */
export function buildHeadOfficeServer(options: HeadOfficeOptions): FastifyInstance {
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: options.logger ?? { level: 'info' },
    bodyLimit: 16 * 1024 * 1024,
    ...(options.tls ? { https: { cert: fs.readFileSync(options.tls.certFile), key: fs.readFileSync(options.tls.keyFile) } } : {}),
  }) as unknown as FastifyInstance;
  const { db } = options;

  app.get('/health', async (_req, reply) => {
    try {
      await sql`SELECT 1`.execute(db);
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'database unavailable' });
    }
  });

  app.post('/v1/enrol', async (request, reply) => {
    const body = EnrolRequest.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'Ongeldig verzoek.' });
    const enrolled = await enrolDevice(db, body.data.code, body.data.deviceName, now());
    if (!enrolled) return reply.code(403).send({ error: 'Deze code is onbekend, al gebruikt of verlopen.' });
    request.log.info({ deviceId: enrolled.deviceId, locationId: enrolled.locationId }, 'device enrolled');
    return enrolled;
  });

  // Everything under /v1/sync needs a valid, unrevoked device token.
  app.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      const auth = request.headers.authorization ?? '';
      const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      const device = token ? await authenticateDevice(db, token) : null;
      if (!device || device === 'revoked') {
        return reply.code(401).send({ error: device === 'revoked' ? 'Dit apparaat is ingetrokken.' : 'Onbekend apparaat.' });
      }
      request.device = device;
    });

    scope.post('/v1/sync/push', async (request, reply) => {
      const body = safeParsePushRequest(request.body);
      if (!body.success) return reply.code(400).send({ error: 'Ongeldig verzoek.' });
      const results = await push(db, request.device!, body.data.mutations, body.data.auditHead, now(), body.data.statistics);
      request.log.info({ deviceId: request.device!.id, mutations: results.length, conflicts: results.filter((r) => r.status === 'conflict').length }, 'push');
      // Sealed under an old key: the PC learns here which key to follow (see MutationResult 'rekey').
      if (results.some((r) => r.status === 'rekey')) return { results, key: await locationKeyState(db, request.device!) };
      return { results };
    });

    // Sealed special categories: the location's key id, and key transfers (never the key itself).
    scope.post('/v1/sync/key', async (request, reply) => {
      const body = KeyClaim.safeParse(request.body);
      if (!body.success) return reply.code(400).send({ error: 'Ongeldig verzoek.' });
      return claimLocationKey(db, request.device!, body.data.keyId);
    });
    // Rotation after a revoke: the next key wrapped under the previous one (served only to unrevoked devices, like every route here).
    scope.post('/v1/sync/key/rotate', async (request, reply) => {
      const body = KeyRotation.safeParse(request.body);
      if (!body.success) return reply.code(400).send({ error: 'Ongeldig verzoek.' });
      const answer = await rotateLocationKey(db, request.device!, body.data, now());
      if (answer.keyId === body.data.keyId) request.log.info({ deviceId: request.device!.id, keyId: answer.keyId }, 'location key rotated');
      return answer;
    });
    scope.get('/v1/sync/key/rotations', async (request) => listRotations(db, request.device!));
    scope.post('/v1/sync/transfers', async (request, reply) => {
      const body = TransferUpload.safeParse(request.body);
      if (!body.success) return reply.code(400).send({ error: 'Ongeldig verzoek.' });
      const stored = await storeTransfer(db, request.device!, body.data, now());
      request.log.info({ deviceId: request.device!.id, transferId: stored.id }, 'key transfer stored');
      return stored;
    });
    scope.get('/v1/sync/escrow-key', async () => currentEscrowKey(db));
    scope.post('/v1/sync/escrow', async (request, reply) => {
      const body = EscrowUpload.safeParse(request.body);
      if (!body.success) return reply.code(400).send({ error: 'Ongeldig verzoek.' });
      await storeEscrow(db, request.device!, body.data, now());
      return {};
    });
    scope.get('/v1/sync/transfers', async (request) => openTransfers(db, request.device!, now()));
    scope.post('/v1/sync/transfers/consume', async (request, reply) => {
      const body = TransferConsume.safeParse(request.body);
      if (!body.success) return reply.code(400).send({ error: 'Ongeldig verzoek.' });
      await consumeTransfer(db, request.device!, body.data.id);
      request.log.info({ deviceId: request.device!.id, transferId: body.data.id }, 'key transfer used');
      return {};
    });

    // Herstelsleutel route: the key wrapped under a PC's herstelsleutel (scrypt on the PC), one per PC.
    scope.post('/v1/sync/recovery-wraps', async (request, reply) => {
      const body = RecoveryWrapUpload.safeParse(request.body);
      if (!body.success) return reply.code(400).send({ error: 'Ongeldig verzoek.' });
      await storeRecoveryWrap(db, request.device!, body.data, now());
      request.log.info({ deviceId: request.device!.id }, 'recovery wrap stored');
      return {};
    });
    scope.get('/v1/sync/recovery-wraps', async (request) => listRecoveryWraps(db, request.device!));
    scope.post('/v1/sync/recovery-wraps/withdraw', async (request) => {
      await withdrawRecoveryWrap(db, request.device!.id);
      request.log.info({ deviceId: request.device!.id }, 'recovery wrap withdrawn');
      return {};
    });

    scope.get<{ Querystring: { after?: string; limit?: string; locationId?: string; conflicts?: string } }>('/v1/sync/pull', async (request, reply) => {
      const device = request.device!;
      // The location comes from the device record; asking for another location's data is refused.
      if (request.query.locationId && request.query.locationId !== device.location_id) {
        request.log.warn({ deviceId: device.id, asked: request.query.locationId }, 'cross-location pull refused');
        return reply.code(403).send({ error: 'Geen toegang tot deze locatie.' });
      }
      const after = Math.max(0, Number(request.query.after ?? 0) || 0);
      const limit = Math.min(5000, Math.max(1, Number(request.query.limit ?? 500) || 500));
      // The PC's count of conflicts waiting for its manager (Locaties en apparaten); anything else is ignored.
      const conflicts = /^\d{1,7}$/.test(request.query.conflicts ?? '') ? Number(request.query.conflicts) : undefined;
      return reply.type('application/json; charset=utf-8').send(await pull(db, device, after, limit, now(), conflicts));
    });
  });

  registerConsoleApi(app, { db, now, secureCookie: Boolean(options.tls) });
  registerConsoleUi(app, options.consoleUiDir ?? DEFAULT_CONSOLE_UI_DIR);

  return app;
}
