import http from 'node:http';
import https from 'node:https';
import { msg, translate, type MessageRef } from '../../../shared/i18n/translate';

/** A failed exchange with head office; the message (Dutch) is kept as the sync status's last error. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number | null,
    readonly ref: MessageRef,
  ) {
    super(translate(ref));
    this.name = 'SyncHttpError';
  }
}

/** Node's network error codes, grouped into what a location manager can act on (or tell IT). */
const UNREACHABLE: Record<string, 'refused' | 'unknownHost' | 'timeout' | 'certificate' | 'noNetwork'> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'unknownHost',
  EAI_AGAIN: 'unknownHost',
  ETIMEDOUT: 'timeout',
  TIMEOUT: 'timeout',
  ENETUNREACH: 'noNetwork',
  EHOSTUNREACH: 'noNetwork',
  ENETDOWN: 'noNetwork',
};

function unreachable(error: NodeJS.ErrnoException): SyncHttpError {
  const code = error.code ?? '';
  // TLS failures carry codes such as DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID.
  const reason = UNREACHABLE[code] ?? (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code) ? 'certificate' : 'other');
  return new SyncHttpError(null, msg(`sync.unreachable.${reason}`));
}

/**
 * JSON over HTTP(S) to head office. With `caCertPem`, only a server certificate issued by that CA
 * is accepted (pinned CA); otherwise the OS trust store applies. Plain http only for 127.0.0.1/localhost.
 */
export function requestJson(
  baseUrl: string,
  options: {
    method: 'GET' | 'POST';
    path: string;
    token?: string;
    body?: unknown;
    /** The body already as JSON text, sent as it is (instead of `body`). */
    bodyJson?: string;
    caCertPem?: string | null;
    timeoutMs?: number;
  },
): Promise<unknown> {
  const url = new URL(options.path, baseUrl);
  if (url.protocol === 'http:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
    return Promise.reject(new SyncHttpError(null, msg('sync.mustUseHttps')));
  }
  const json = options.bodyJson ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const body = json === undefined ? undefined : Buffer.from(json);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: options.method,
        headers: {
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        ...(url.protocol === 'https:' && options.caCertPem ? { ca: options.caCertPem } : {}),
        timeout: options.timeoutMs ?? 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            return reject(new SyncHttpError(res.statusCode ?? null, msg('sync.unexpectedAnswer')));
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) return resolve(json);
          // Head office's own words (Dutch), passed on as they are.
          if (json && typeof json === 'object' && 'error' in json) reject(new SyncHttpError(status, msg('sync.headOfficeAnswer', { reason: String((json as { error: unknown }).error) })));
          else reject(new SyncHttpError(status, msg('sync.headOfficeError')));
        });
        res.on('error', () => reject(new SyncHttpError(null, msg('sync.transferFailed'))));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('time-out'), { code: 'TIMEOUT' })));
    req.on('error', (error) => reject(unreachable(error)));
    req.end(body);
  });
}
