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
  return { web, stop: () => web.close() };
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
      expect(JSON.parse(unknown.body)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Onbekende functie.' } });
      const invalid = await request(web.port, { path: '/api/auth.login', method: 'POST', headers, body: '{"username": 5}' });
      const body = JSON.parse(invalid.body);
      expect(body.error.code).toBe('VALIDATION');
      expect(invalid.body).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      await stop();
    }
  });
});
