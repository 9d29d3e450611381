import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectHeadOffice, migrateHeadOffice } from '../../headoffice/db/connect';
import { buildHeadOfficeServer } from '../../headoffice/service/server';
import { createLocation, issueEnrolmentCode } from '../../headoffice/service/sync.service';
import { requestJson } from '../../electron/backend/sync/http';
import { syncOnce } from '../../electron/backend/sync/sync.engine';
import { makeBackend, setUpLocation, tempDir } from '../helpers/backend';
import { createFamily } from '../helpers/clients';

/** A private CA and a server certificate for 127.0.0.1 signed by it (what head office IT would issue). */
function makeCertificates(dir: string) {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Kinderopvang test-CA');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  fs.writeFileSync(path.join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'ext.cnf');
  return { ca: fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8'), cert: path.join(dir, 'server.pem'), key: path.join(dir, 'server.key') };
}

describe('TLS to head office', () => {
  it('serves HTTPS with a certificate; the PC accepts it only through the pinned CA', async () => {
    const certs = makeCertificates(tempDir());
    const { db } = connectHeadOffice({ dataDir: tempDir() });
    await migrateHeadOffice(db);
    const app = buildHeadOfficeServer({ db, logger: false, tls: { certFile: certs.cert, keyFile: certs.key } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const url = `https://127.0.0.1:${address && typeof address === 'object' ? address.port : 0}`;
    try {
      const location = await createLocation(db, 'KDV TLS', new Date());
      const unpinned = makeBackend();
      await setUpLocation(unpinned);
      const refused = await unpinned.err('sync.enrol', { serverUrl: url, code: (await issueEnrolmentCode(db, location.id, new Date())).code, deviceName: 'pc', caCertPem: null });
      expect(refused.message).toBe('Het hoofdkantoor is niet bereikbaar: het certificaat van de hoofdkantoor-service wordt niet vertrouwd.');

      const pinned = makeBackend();
      await setUpLocation(pinned);
      await pinned.ok('sync.enrol', { serverUrl: url, code: (await issueEnrolmentCode(db, location.id, new Date())).code, deviceName: 'pc', caCertPem: certs.ca });
      await createFamily(pinned);
      const report = await syncOnce(pinned.core, (w) => w());
      expect(report.pushed).toBeGreaterThan(0);
    } finally {
      await app.close();
      await db.destroy();
    }
  });

  it('refuses plain http to anything but this computer', async () => {
    await expect(requestJson('http://sync.example.nl', { method: 'GET', path: '/health' })).rejects.toThrow('Een verbinding met het hoofdkantoor moet versleuteld zijn (https).');
  });
});
