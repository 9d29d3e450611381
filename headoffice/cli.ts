import { parseArgs } from 'node:util';
import { connectHeadOffice, migrateHeadOffice } from './db/connect';
import { createLocation, issueEnrolmentCode, listDevices, listLocations, revokeDevice } from './service/sync.service';

const USAGE = `Gebruik: npm run headoffice:cli -- [--data-dir DIR] <opdracht>
  (of DATABASE_URL=postgres://… voor PostgreSQL)

Opdrachten:
  create-location --name "Naam"          maak een locatie aan
  locations                              toon alle locaties
  issue-code --location ID               eenmalige koppelcode (24 uur geldig)
  devices [--location ID]                apparaten met laatste synchronisatie
  revoke --device ID                     trek een apparaat in`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, name: { type: 'string' }, location: { type: 'string' }, device: { type: 'string' } },
  });
  const command = positionals[0];
  if (!command) {
    console.log(USAGE);
    process.exit(2);
  }
  const { db } = connectHeadOffice({ databaseUrl: process.env.DATABASE_URL, dataDir: values['data-dir'] });
  await migrateHeadOffice(db);
  const now = new Date();
  try {
    switch (command) {
      case 'create-location': {
        if (!values.name) throw new Error('--name is verplicht');
        const location = await createLocation(db, values.name, now);
        console.log(`Locatie aangemaakt: ${location.name}\nid: ${location.id}`);
        break;
      }
      case 'locations':
        for (const l of await listLocations(db)) console.log(`${l.id}  ${l.name}  (versie ${l.version})`);
        break;
      case 'issue-code': {
        if (!values.location) throw new Error('--location is verplicht');
        const { code, expiresAt, location } = await issueEnrolmentCode(db, values.location, now);
        console.log(`Koppelcode voor ${location.name}: ${code}\nGeldig tot: ${expiresAt} (eenmalig te gebruiken)`);
        break;
      }
      case 'devices':
        for (const d of await listDevices(db, values.location)) {
          console.log(`${d.id}  ${d.name}  ${d.location_name}  laatste sync: ${d.last_sync_at ?? 'nooit'}${d.revoked_at ? `  INGETROKKEN ${d.revoked_at}` : ''}`);
        }
        break;
      case 'revoke': {
        if (!values.device) throw new Error('--device is verplicht');
        console.log((await revokeDevice(db, values.device, now)) ? 'Apparaat ingetrokken.' : 'Onbekend of al ingetrokken apparaat.');
        break;
      }
      default:
        console.log(USAGE);
        process.exitCode = 2;
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
