import type { ConsoleAuditEntry, ConsoleEscrowKey, ConsoleLocation, ConsoleProcessor, ProcessorInput, SessionInfo } from '../../../shared/console/api';
import type { PdfFile } from '../../../shared/api/schemas';
import type { OrganisationRegister } from '../../../shared/console/register';
import type { ApReportInput, BreachAssessmentInput, ConsoleBreach } from '../../../shared/console/breaches';
import type { CentralRequestInput, ConsoleRequest } from '../../../shared/console/requests';
import type { FiguresResponse } from '../../../shared/console/figures';
import type { ConsoleStatementVersion, PublishStatementInput } from '../../../shared/console/statements';
import type { OrganisationInput, OrganisationProfile } from '../../../shared/organisation/profile';
import { ApiCallError, type ClientErrorCode } from '../api/client';
import i18n from '../i18n';

/**
 * The head-office console's API client (/console/api/…). The session lives in an httpOnly
 * cookie the page cannot read; every change carries the session's CSRF token in a header.
 */
let csrfToken: string | null = null;
/** Called when the service answers 401 (the session expired or was ended): the app shows the login again. */
let sessionLost: () => void = () => undefined;
export const onSessionLost = (handler: () => void) => {
  sessionLost = handler;
};

const CODE_BY_STATUS: Record<number, ClientErrorCode> = { 400: 'VALIDATION', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 429: 'RATE_LIMITED' };

async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/console/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiCallError('NETWORK', i18n.t('console.errors.network'));
  }
  const answer: unknown = await response.json().catch(() => null);
  if (response.status === 401 && path !== '/login' && path !== '/me') {
    csrfToken = null;
    sessionLost();
  }
  if (!response.ok) {
    const body = answer && typeof answer === 'object' ? (answer as { error?: unknown; fields?: unknown }) : {};
    const message = typeof body.error === 'string' ? body.error : i18n.t('errors.unexpected');
    const fields = body.fields && typeof body.fields === 'object' ? (body.fields as Record<string, string>) : {};
    throw new ApiCallError(CODE_BY_STATUS[response.status] ?? 'INTERNAL', message, fields);
  }
  return answer as T;
}

const remember = (session: SessionInfo) => {
  csrfToken = session.csrfToken;
  return session;
};

export const consoleApi = {
  /** The signed-in user, or null when there is no (valid) session. */
  me: async (): Promise<SessionInfo | null> => {
    try {
      return remember(await request<SessionInfo>('GET', '/me'));
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'UNAUTHENTICATED') return null;
      throw error;
    }
  },
  login: async (username: string, password: string) => remember(await request<SessionInfo>('POST', '/login', { username, password })),
  logout: async () => {
    await request('POST', '/logout');
    csrfToken = null;
  },
  locations: () => request<ConsoleLocation[]>('GET', '/locations'),
  escrowKey: () => request<ConsoleEscrowKey>('GET', '/escrow-key'),
  createLocation: (name: string) => request<{ id: string; name: string }>('POST', '/locations', { name }),
  issueCode: (locationId: string) => request<{ code: string; expiresAt: string }>('POST', `/locations/${encodeURIComponent(locationId)}/codes`),
  revokeDevice: (deviceId: string) => request<{ revoked: true }>('POST', `/devices/${encodeURIComponent(deviceId)}/revoke`),
  organisation: () => request<{ profile: OrganisationProfile | null; updatedAt: string | null }>('GET', '/organisation'),
  saveOrganisation: (input: OrganisationInput) => request<{ profile: OrganisationProfile }>('PUT', '/organisation', input),
  /** The art. 34 letter to the persons involved (a PDF download, opened as a link with the session cookie). */
  breachLetterUrl: (id: string) => `/console/api/breaches/${encodeURIComponent(id)}/letter.pdf`,
  statements: () => request<ConsoleStatementVersion[]>('GET', '/statements'),
  publishStatement: (input: PublishStatementInput) => request<{ id: string }>('POST', '/statements', input),
  processors: () => request<ConsoleProcessor[]>('GET', '/processors'),
  saveProcessor: (id: string | null, input: ProcessorInput) => request<{ id: string }>('POST', id ? `/processors/${encodeURIComponent(id)}` : '/processors', input),
  requests: () => request<ConsoleRequest[]>('GET', '/requests'),
  registerRequest: (input: CentralRequestInput) => request<{ id: string; deadline: string }>('POST', '/requests', input),
  breaches: () => request<ConsoleBreach[]>('GET', '/breaches'),
  /** One breach in full; the service logs the read (console audit). */
  breach: (id: string) => request<ConsoleBreach>('GET', `/breaches/${encodeURIComponent(id)}`),
  assessBreach: (id: string, input: BreachAssessmentInput) => request<ConsoleBreach>('POST', `/breaches/${encodeURIComponent(id)}/assessment`, input),
  recordApReport: (id: string, input: ApReportInput) => request<ConsoleBreach>('POST', `/breaches/${encodeURIComponent(id)}/ap-report`, input),
  closeBreach: (id: string) => request<ConsoleBreach>('POST', `/breaches/${encodeURIComponent(id)}/close`),
  figures: (year: number | null) => request<FiguresResponse>('GET', year === null ? '/figures' : `/figures?year=${year}`),
  register: () => request<OrganisationRegister>('GET', '/register'),
  registerPdf: () => request<PdfFile>('GET', '/register/pdf'),
  audit: () => request<{ entries: ConsoleAuditEntry[]; chain: { intact: boolean; entries: number; brokenAt?: number | null } }>('GET', '/audit'),
};
