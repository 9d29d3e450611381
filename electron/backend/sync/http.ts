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

/**
 * JSON over HTTP(S) to head office. With `caCertPem`, only a server certificate issued by that CA
 * is accepted (pinned CA); otherwise the OS trust store applies. Plain http only for 127.0.0.1/localhost.
 */
export function requestJson(
  baseUrl: string,
  options: { method: 'GET' | 'POST'; path: string; token?: string; body?: unknown; caCertPem?: string | null; timeoutMs?: number },
): Promise<unknown> {
  const url = new URL(options.path, baseUrl);
  if (url.protocol === 'http:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
    return Promise.reject(new SyncHttpError(null, msg('sync.mustUseHttps')));
  }
  const body = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
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
          const reason = json && typeof json === 'object' && 'error' in json ? String((json as { error: unknown }).error) : `HTTP ${status}`;
          reject(new SyncHttpError(status, msg('sync.headOfficeAnswer', { reason })));
        });
        res.on('error', (error) => reject(new SyncHttpError(null, msg('sync.transferFailed', { detail: error.message }))));
      },
    );
    req.on('timeout', () => req.destroy(new Error('time-out')));
    req.on('error', (error) => reject(new SyncHttpError(null, msg('sync.unreachable', { detail: error.message }))));
    req.end(body);
  });
}
