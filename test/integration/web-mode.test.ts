import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWebServer } from '../../electron/web/server';
import { makeBackend, ROOT } from '../helpers/backend';

/** Raw HTTP so the Host header can be set freely (fetch forbids changing it). */
function request(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function server() {
  const backend = makeBackend();
  const web = await startWebServer({ backend, rendererDir: path.join(ROOT, 'out', 'renderer'), port: 0 });
  return { web, backend, stop: () => web.close() };
}

const json = { 'content-type': 'application/json' };

describe('web mode', () => {
  it('binds to 127.0.0.1 and prints a URL with the token', async () => {
    const { web, stop } = await server();
    try {
      expect(web.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${web.port}/\\?token=[0-9a-f]{64}$`));
    } finally {
      await stop();
    }
  });

  it('answers API calls without (or with a wrong) token with 401', async () => {
    const { web, stop } = await server();
    try {
      const host = `127.0.0.1:${web.port}`;
      const none = await request(web.port, { path: '/api/app.status', method: 'POST', headers: { ...json, host }, body: '{}' });
      expect(none.status).toBe(401);
      const wrong = await request(web.port, { path: '/api/app.status', method: 'POST', headers: { ...json, host, authorization: `Bearer ${'0'.repeat(64)}` }, body: '{}' });
      expect(wrong.status).toBe(401);
    } finally {
      await stop();
    }
  });

  it('refuses a foreign Host header with 403 (DNS rebinding), even with the token', async () => {
    const { web, stop } = await server();
    try {
      const res = await request(web.port, {
        path: '/api/app.status',
        method: 'POST',
        headers: { ...json, host: `evil.example:${web.port}`, authorization: `Bearer ${web.token}` },
        body: '{}',
      });
      expect(res.status).toBe(403);
      expect((await request(web.port, { path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
    } finally {
      await stop();
    }
  });

  it('works with the token from the URL, on 127.0.0.1 and localhost, and sends the CSP without CORS', async () => {
    const { web, stop } = await server();
    try {
      for (const host of [`127.0.0.1:${web.port}`, `localhost:${web.port}`]) {
        const res = await request(web.port, { path: '/api/app.status', method: 'POST', headers: { ...json, host, authorization: `Bearer ${web.token}` }, body: '{}' });
        expect(res.status).toBe(200);
        expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { state: 'setup' } });
        expect(res.headers['content-security-policy']).toContain("script-src 'self'");
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      }
      const crossSite = await request(web.port, {
        path: '/api/app.status',
        method: 'POST',
        headers: { ...json, host: `127.0.0.1:${web.port}`, origin: 'http://evil.example', authorization: `Bearer ${web.token}` },
        body: '{}',
      });
      expect(crossSite.status).toBe(403);
    } finally {
      await stop();
    }
  });

  it('never returns raw errors or stack traces', async () => {
    const { web, stop } = await server();
    try {
      const headers = { ...json, host: `127.0.0.1:${web.port}`, authorization: `Bearer ${web.token}` };
      const unknown = await request(web.port, { path: '/api/bestaat.niet', method: 'POST', headers, body: '{}' });
      expect(JSON.parse(unknown.body)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Onbekende functie.', ref: { key: 'common.unknownMethod' } } });
      const invalid = await request(web.port, { path: '/api/auth.login', method: 'POST', headers, body: '{"username": 5}' });
      const body = JSON.parse(invalid.body);
      expect(body.error.code).toBe('VALIDATION');
      expect(invalid.body).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      await stop();
    }
  });

  it('refused requests never reach the backend: a setup sent without the token, from another Host or origin creates nothing', async () => {
    const { web, backend, stop } = await server();
    try {
      const host = `127.0.0.1:${web.port}`;
      const body = JSON.stringify({
        location: { name: 'Kindercentrum De Vlinder', address: 'Sportlaan 1, 4131 NN Vianen', lrkNumber: '123456789' },
        manager: { name: 'Anna de Vries', username: 'anna', password: 'Zonnebloem-Tafel-42' },
      });
      const bearer = `Bearer ${web.token}`;
      const attempts: [string, { path: string; headers: Record<string, string> }, number][] = [
        ['no token', { path: '/api/setup.create', headers: { ...json, host } }, 401],
        ['token in the query string only', { path: `/api/setup.create?token=${web.token}`, headers: { ...json, host } }, 401],
        ['token as a cookie', { path: '/api/setup.create', headers: { ...json, host, cookie: `token=${web.token}` } }, 401],
        ['token without Bearer', { path: '/api/setup.create', headers: { ...json, host, authorization: web.token } }, 401],
        ['truncated token', { path: '/api/setup.create', headers: { ...json, host, authorization: bearer.slice(0, -1) } }, 401],
        ['wrong port in Host', { path: '/api/setup.create', headers: { ...json, host: `127.0.0.1:${web.port + 1}`, authorization: bearer } }, 403],
        ['rebinding name', { path: '/api/setup.create', headers: { ...json, host: `localhost.evil.example:${web.port}`, authorization: bearer } }, 403],
        ['cross-origin page', { path: '/api/setup.create', headers: { ...json, host, origin: 'https://evil.example', authorization: bearer } }, 403],
        ['opaque origin (sandboxed frame, file://)', { path: '/api/setup.create', headers: { ...json, host, origin: 'null', authorization: bearer } }, 403],
        ['other port on the same host', { path: '/api/setup.create', headers: { ...json, host, origin: `http://127.0.0.1:${web.port + 1}`, authorization: bearer } }, 403],
      ];
      for (const [name, attempt, status] of attempts) {
        const res = await request(web.port, { ...attempt, method: 'POST', body });
        expect(res.status, name).toBe(status);
        expect(res.headers['access-control-allow-origin'], name).toBeUndefined();
      }
      expect(backend.core.state).toBe('setup');
      expect(fs.existsSync(backend.core.dbFile)).toBe(false);
    } finally {
      await stop();
    }
  });

  it('answers a CORS preflight from another origin without any Access-Control header', async () => {
    const { web, stop } = await server();
    try {
      const res = await request(web.port, {
        path: '/api/app.status',
        method: 'OPTIONS',
        headers: { host: `127.0.0.1:${web.port}`, origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
      expect(res.status).toBe(403);
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    } finally {
      await stop();
    }
  });
});
