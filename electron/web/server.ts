import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import type { Backend } from '../backend';

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // The token travels in the first URL: never let it leak through a Referer header.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/**
 * Web mode: the renderer and the same API over HTTP, on 127.0.0.1 only. Like a notebook server,
 * a random per-launch token (in the printed URL) is required for every API call; a Host header
 * other than 127.0.0.1/localhost is refused (DNS rebinding); no CORS headers are ever sent.
 */
export async function startWebServer(options: { backend: Backend; rendererDir: string; port?: number }): Promise<WebServer> {
  const token = randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 20 * 1024 * 1024 });
  let port = options.port ?? 0;

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return reply.code(403).type('text/plain').send('Forbidden host');
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      return reply.code(403).type('text/plain').send('Forbidden origin');
    }
  });

  app.post<{ Params: { method: string } }>('/api/:method', async (request, reply) => {
    const auth = request.headers.authorization ?? '';
    const given = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7) : '');
    if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
      return reply.code(401).send({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Ongeldige of ontbrekende toegangscode.' } });
    }
    return options.backend.call(request.params.method, request.body);
  });

  if (fs.existsSync(options.rendererDir)) {
    await app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html' });
  } else {
    app.get('/', async (_request, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('De gebruikersinterface is nog niet gebouwd: voer eerst `npm run build` uit.'),
    );
  }

  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  if (address && typeof address === 'object') port = address.port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () => app.close(),
  };
}
