import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { CONSOLE_CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

/** Where `npm run build` puts the console page and its assets (renderer/console.html). */
export const DEFAULT_CONSOLE_UI_DIR = path.resolve(__dirname, '../../out/renderer');

const SECURITY_HEADERS = {
  'content-security-policy': CONSOLE_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * The console's page at /console/ and its scripts and styles at /console/assets/, every answer
 * with the console's CSP. Only console.html and the assets are served: the location app's page
 * stays with the location.
 */
export function registerConsoleUi(app: FastifyInstance, uiDir: string): void {
  const page = path.join(uiDir, 'console.html');
  app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply) => {
      reply.headers(SECURITY_HEADERS);
    });
    scope.get('/console', async (_request, reply) => reply.redirect('/console/'));
    scope.get('/console/', async (_request, reply) => {
      if (!fs.existsSync(page)) {
        return reply.code(503).type('text/plain; charset=utf-8').send('De privacyconsole is nog niet gebouwd: voer eerst `npm run build` uit.');
      }
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(fs.readFileSync(page));
    });
    if (fs.existsSync(path.join(uiDir, 'assets'))) {
      await scope.register(fastifyStatic, { root: path.join(uiDir, 'assets'), prefix: '/console/assets/', decorateReply: false, index: false, list: false });
    }
  });
}
