import { parseArgs } from 'node:util';
import { connectHeadOffice, migrateHeadOffice } from './db/connect';
import { buildHeadOfficeServer } from './service/server';

/**
 * `npm run headoffice -- --data-dir DIR [--port 8443] [--host 0.0.0.0] [--tls-cert F --tls-key F]`
 * or with DATABASE_URL=postgres://… for PostgreSQL. Logs are JSON lines (pino).
 */
async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '8443' },
      host: { type: 'string', default: '127.0.0.1' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
    },
  });
  const { db, dialect } = connectHeadOffice({ databaseUrl: process.env.DATABASE_URL, dataDir: values['data-dir'] });
  await migrateHeadOffice(db);
  const tls = values['tls-cert'] && values['tls-key'] ? { certFile: values['tls-cert'], keyFile: values['tls-key'] } : undefined;
  const app = buildHeadOfficeServer({ db, ...(tls ? { tls } : {}) });
  const address = await app.listen({ host: values.host, port: Number(values.port) });
  app.log.info({ address, dialect, tls: Boolean(tls) }, 'hoofdkantoor-service gestart');
  if (!tls && values.host !== '127.0.0.1') app.log.warn('zonder TLS: gebruik in productie --tls-cert en --tls-key');
  const stop = async () => {
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
