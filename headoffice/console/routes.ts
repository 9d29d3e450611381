import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CreateLocationRequest, LoginRequest, ProcessorInput, type SessionInfo } from '../../shared/console/api';
import { mayDo, type ConsoleCapability } from '../../shared/console/roles';
import type { HoDb } from '../db/schema';
import { appendAudit, verifyAuditChain } from './audit';
import { ConsoleError, login, logout, SESSION_MAX_MS, sessionFor } from './auth.service';
import { consoleAudit, consoleEscrowKey, createConsoleLocation, issueConsoleCode, listConsoleLocations, revokeConsoleDevice } from './console.service';
import { createProcessor, listProcessors, updateProcessor } from './processors.service';
import { organisationRegister, organisationRegisterPdf } from './register.service';
import { ApReportInput, BreachAssessmentInput } from '../../shared/console/breaches';
import { OrganisationInput } from '../../shared/organisation/profile';
import { getOrganisation, saveOrganisation } from './organisation.service';
import { breachLetter } from './breachLetter';
import { assessBreach, closeBreach, getBreach, listBreaches, recordApReport } from './breaches.service';
import { CentralRequestInput } from '../../shared/console/requests';
import { listConsoleRequests, registerCentralRequest } from './requests.service';
import { FiguresQuery } from '../../shared/console/figures';
import { figures } from './figures.service';
import { PublishStatementInput } from '../../shared/console/statements';
import { listStatementVersions, publishStatementVersion } from './statements.service';

export const SESSION_COOKIE = 'kop_console';
export const CSRF_HEADER = 'x-csrf-token';

interface RouteContext {
  db: HoDb;
  session: SessionInfo;
  now: Date;
  params: Record<string, string>;
  body: unknown;
  query: Record<string, string | undefined>;
}

/** An audited read: the action and the target's id, never the content (written once the read succeeded). */
interface AuditedRead {
  action: string;
  detail?(ctx: RouteContext): Record<string, unknown>;
}

interface ConsoleRoute {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  capability: ConsoleCapability;
  /** Reads of registers with personal data (or counts about persons) are logged, not only writes (issue 18). */
  audit?: AuditedRead;
  handle(ctx: RouteContext): Promise<unknown>;
}

/** Parses a body with a zod schema; the first problem as a Dutch 400, with every field's message in `fields`. */
function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields: Record<string, string> = {};
    for (const issue of result.error.issues) fields[issue.path.join('.')] ??= issue.message;
    throw new ConsoleError(400, result.error.issues[0]?.message ?? 'Ongeldig verzoek.', fields);
  }
  return result.data;
}

/**
 * Every route of the console API behind the login, with the capability it needs. Every POST
 * changes something: it needs the session's CSRF token and is refused for read-only roles (FG).
 */
export const CONSOLE_ROUTES: readonly ConsoleRoute[] = [
  { method: 'GET', url: '/locations', capability: 'locations.read', handle: ({ db }) => listConsoleLocations(db) },
  {
    method: 'POST',
    url: '/locations',
    capability: 'locations.manage',
    handle: ({ db, session, now, body }) => createConsoleLocation(db, parse(CreateLocationRequest, body).name, session.user.id, now),
  },
  { method: 'POST', url: '/locations/:id/codes', capability: 'locations.manage', handle: ({ db, session, now, params }) => issueConsoleCode(db, params.id!, session.user.id, now) },
  { method: 'GET', url: '/escrow-key', capability: 'locations.read', handle: ({ db }) => consoleEscrowKey(db) },
  { method: 'POST', url: '/devices/:id/revoke', capability: 'locations.manage', handle: ({ db, session, now, params }) => revokeConsoleDevice(db, params.id!, session.user.id, now) },
  { method: 'GET', url: '/processors', capability: 'registers.read', handle: ({ db, now }) => listProcessors(db, now) },
  { method: 'POST', url: '/processors', capability: 'registers.manage', handle: ({ db, session, now, body }) => createProcessor(db, parse(ProcessorInput, body), session.user.id, now) },
  {
    method: 'POST',
    url: '/processors/:id',
    capability: 'registers.manage',
    handle: ({ db, session, now, params, body }) => updateProcessor(db, params.id!, parse(ProcessorInput, body), session.user.id, now),
  },
  // Verwerkingsregister (art. 30) of the organisation, from the data map and the verwerkersregister.
  { method: 'GET', url: '/register', capability: 'registers.read', handle: ({ db, now }) => organisationRegister(db, now) },
  { method: 'GET', url: '/register/pdf', capability: 'registers.read', audit: { action: 'console.register.pdf' }, handle: ({ db, now }) => organisationRegisterPdf(db, now) },
  // Datalekkenregister: the privacy officer assesses and closes; the FG reads; IT has no access.
  { method: 'GET', url: '/breaches', capability: 'registers.read', handle: ({ db, now }) => listBreaches(db, now) },
  // One breach with everything the location reported and the assessment: a read of the register, logged.
  {
    method: 'GET',
    url: '/breaches/:id',
    capability: 'registers.read',
    audit: { action: 'console.breach.read', detail: ({ params }) => ({ breachId: params.id }) },
    handle: ({ db, now, params }) => getBreach(db, params.id!, now),
  },
  {
    method: 'POST',
    url: '/breaches/:id/assessment',
    capability: 'registers.manage',
    handle: ({ db, session, now, params, body }) => assessBreach(db, params.id!, parse(BreachAssessmentInput, body), session.user.id, now),
  },
  {
    method: 'POST',
    url: '/breaches/:id/ap-report',
    capability: 'registers.manage',
    handle: ({ db, session, now, params, body }) => recordApReport(db, params.id!, parse(ApReportInput, body), session.user.id, now),
  },
  { method: 'POST', url: '/breaches/:id/close', capability: 'registers.manage', handle: ({ db, session, now, params }) => closeBreach(db, params.id!, session.user.id, now) },
  // AVG-verzoeken: the privacy officer registers what came in via privacy@; the FG reads the overview.
  { method: 'GET', url: '/requests', capability: 'registers.read', audit: { action: 'console.requests.list' }, handle: ({ db, now }) => listConsoleRequests(db, now) },
  {
    method: 'POST',
    url: '/requests',
    capability: 'registers.manage',
    handle: ({ db, session, now, body }) => registerCentralRequest(db, parse(CentralRequestInput, body), session.user, now),
  },
  // Anonymised figures: counts only; the privacy officer and the FG read them, IT not.
  {
    method: 'GET',
    url: '/figures',
    capability: 'registers.read',
    audit: { action: 'console.figures.read', detail: ({ query }) => (query.year ? { year: Number(query.year) } : {}) },
    handle: ({ db, now, query }) => figures(db, now, parse(FiguresQuery, query).year),
  },
  // Organisation identity and privacy contacts: the privacy officer sets them, saved and published to every location.
  { method: 'GET', url: '/organisation', capability: 'registers.read', handle: ({ db }) => getOrganisation(db) },
  { method: 'PUT', url: '/organisation', capability: 'registers.manage', handle: ({ db, session, now, body }) => saveOrganisation(db, parse(OrganisationInput, body), session.user.id, now) },
  // Privacyverklaring: the privacy officer publishes versions; the FG reads them.
  { method: 'GET', url: '/statements', capability: 'registers.read', handle: ({ db }) => listStatementVersions(db) },
  {
    method: 'POST',
    url: '/statements',
    capability: 'registers.manage',
    handle: ({ db, session, now, body }) => publishStatementVersion(db, parse(PublishStatementInput, body), session.user.id, now),
  },
  {
    method: 'GET',
    url: '/audit',
    capability: 'audit.read',
    handle: async ({ db, query }) => ({ entries: await consoleAudit(db, Math.min(1000, Math.max(1, Number(query.limit ?? 200) || 200))), chain: await verifyAuditChain(db) }),
  },
];

/** Logs a read in its own transaction (a read changes nothing else). */
const auditRead = (db: HoDb, userId: string, action: string, detail: Record<string, unknown>, at: Date) =>
  db.transaction().execute((trx) => appendAudit(trx, { userId, action, detail }, at));

const sendError = (reply: FastifyReply, error: unknown) => {
  if (error instanceof ConsoleError) return reply.code(error.status).send({ error: error.message, ...(error.fields ? { fields: error.fields } : {}) });
  throw error;
};

/** The console API under /console/api/: login, logout, me, and the routes above behind a session. */
export function registerConsoleApi(app: FastifyInstance, options: { db: HoDb; now: () => Date; secureCookie: boolean }): void {
  const { db, now } = options;
  const cookieOptions = { path: '/console', httpOnly: true, sameSite: 'strict' as const, secure: options.secureCookie, maxAge: SESSION_MAX_MS / 1000 };

  app.register(async (scope) => {
    await scope.register(fastifyCookie);

    scope.post('/console/api/login', async (request, reply) => {
      const body = LoginRequest.safeParse(request.body);
      if (!body.success) return reply.code(400).send({ error: body.error.issues[0]?.message ?? 'Ongeldig verzoek.' });
      const outcome = await login(db, body.data.username, body.data.password, now());
      if (!outcome.ok) return reply.code(outcome.status).send({ error: outcome.message });
      reply.setCookie(SESSION_COOKIE, outcome.token, cookieOptions);
      return outcome.session;
    });

    const signedIn = async (request: FastifyRequest, reply: FastifyReply) => {
      const token = request.cookies[SESSION_COOKIE];
      const session = token ? await sessionFor(db, token, now()) : null;
      if (!session) {
        reply.code(401).send({ error: 'Je bent niet (meer) ingelogd. Log opnieuw in.' });
        return null;
      }
      // SameSite=Strict already keeps other sites' requests without the cookie; the header is a second lock.
      if (request.method !== 'GET' && request.headers[CSRF_HEADER] !== session.csrfToken) {
        reply.code(403).send({ error: 'Dit verzoek is geweigerd (beveiligingscode ontbreekt). Laad de pagina opnieuw.' });
        return null;
      }
      return session;
    };

    scope.get('/console/api/me', async (request, reply) => {
      const session = await signedIn(request, reply);
      if (!session) return reply;
      return { user: session.user, csrfToken: session.csrfToken };
    });

    scope.post('/console/api/logout', async (request, reply) => {
      const session = await signedIn(request, reply);
      if (!session) return reply;
      await logout(db, session.tokenHash, session.user.id, now());
      reply.clearCookie(SESSION_COOKIE, { path: '/console' });
      return { ok: true };
    });

    for (const route of CONSOLE_ROUTES) {
      scope.route<{ Params: Record<string, string>; Querystring: Record<string, string | undefined> }>({
        method: route.method,
        url: `/console/api${route.url}`,
        handler: async (request, reply) => {
          const session = await signedIn(request, reply);
          if (!session) return reply;
          if (!mayDo(session.user.role, route.capability)) return reply.code(403).send({ error: 'Je rol mag dit niet.' });
          try {
            const ctx = { db, session, now: now(), params: request.params, body: request.body, query: request.query };
            const result = await route.handle(ctx);
            if (route.audit) await auditRead(db, session.user.id, route.audit.action, route.audit.detail?.(ctx) ?? {}, ctx.now);
            return result;
          } catch (error) {
            return sendError(reply, error);
          }
        },
      });
    }

    // Brief aan betrokkenen (art. 34): a PDF, so outside the JSON routes above; anyone who reads the register may make it.
    scope.get<{ Params: { id: string } }>('/console/api/breaches/:id/letter.pdf', async (request, reply) => {
      const session = await signedIn(request, reply);
      if (!session) return reply;
      if (!mayDo(session.user.role, 'registers.read')) return reply.code(403).send({ error: 'Je rol mag dit niet.' });
      try {
        const letter = await breachLetter(db, request.params.id, now());
        // Making the letter is a read of the breach's record (art. 34).
        await auditRead(db, session.user.id, 'console.breach.letter', { breachId: request.params.id }, now());
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="${letter.fileName}"`).send(letter.pdf);
      } catch (error) {
        return sendError(reply, error);
      }
    });

    // Anything else under the API: unknown, but still only after login (nothing is told to strangers).
    scope.all('/console/api/*', async (request, reply) => {
      const session = await signedIn(request, reply);
      if (!session) return reply;
      return reply.code(404).send({ error: 'Onbekend verzoek.' });
    });
  });
}
