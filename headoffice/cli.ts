import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { NewConsoleUser } from '../shared/console/api';
import { CONSOLE_ROLE_LABELS } from '../shared/console/roles';
import { formatFingerprint } from '../shared/sync/protocol';
import { verifyAuditChain } from './console/audit';
import { createConsoleUser } from './console/auth.service';
import { setUpLocation } from './console/console.service';
import fs from 'node:fs';
import { connectHeadOffice, migrateHeadOffice } from './db/connect';
import { currentEscrowKey, openSealedRecord, setEscrowKey } from './service/escrow.service';
import { issueEnrolmentCode, listDevices, listLocations, revokeDevice } from './service/sync.service';

const USAGE = `Gebruik: npm run headoffice:cli -- [--data-dir DIR] <opdracht>
  (of DATABASE_URL=postgres://… voor PostgreSQL)

Opdrachten:
  create-location --name "Naam"          maak een locatie aan
  locations                              toon alle locaties
  issue-code --location ID               eenmalige koppelcode (24 uur geldig)
  devices [--location ID]                apparaten met laatste synchronisatie
  revoke --device ID                     trek een apparaat in
  create-console-user --username U --name "Naam" --role privacy_officer|fg|it
                                         maak een gebruiker van de privacyconsole aan
                                         (het wachtwoord wordt gevraagd, of via stdin)
  console-audit-check                    controleer de keten van het auditlog van de console
  set-escrow-key --file PUBLIEK.pem      stel de openbare escrowsleutel van de organisatie in (RSA, ≥ 3072 bits);
                                         de pc's versleutelen de sleutel van hun locatie er ook mee
  escrow-key                             toon de vingerafdruk van de escrowsleutel die de pc's krijgen
                                         (een pc vraagt bij een andere sleutel eerst om bevestiging)
  open-sealed --entity E --id ID --private-key PRIVE.pem --reason "grond"
                                         open één verzegeld record (medisch, meldcode) met de privésleutel;
                                         wordt vastgelegd in het auditlog van de console`;

/** The password: asked on a terminal, otherwise the first line of stdin (for scripts). */
async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stdout : undefined, terminal: Boolean(process.stdin.isTTY) });
  try {
    return await rl.question(process.stdin.isTTY ? 'Wachtwoord (minstens 12 tekens): ' : '');
  } finally {
    rl.close();
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, name: { type: 'string' }, location: { type: 'string' }, device: { type: 'string' }, username: { type: 'string' }, role: { type: 'string' }, file: { type: 'string' }, entity: { type: 'string' }, id: { type: 'string' }, 'private-key': { type: 'string' }, reason: { type: 'string' } },
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
        const name = values.name;
        const location = await db.transaction().execute((trx) => setUpLocation(trx, name, now));
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
      case 'create-console-user': {
        const input = NewConsoleUser.safeParse({ username: values.username ?? '', name: values.name ?? '', role: values.role ?? '', password: await readPassword() });
        if (!input.success) throw new Error(input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
        await createConsoleUser(db, input.data, now);
        console.log(`Consolegebruiker aangemaakt: ${input.data.username} (${CONSOLE_ROLE_LABELS[input.data.role]})`);
        break;
      }
      case 'console-audit-check': {
        const chain = await verifyAuditChain(db);
        console.log(chain.intact ? `Auditlog van de console intact (${chain.entries} ${chain.entries === 1 ? 'regel' : 'regels'}).` : `Auditlog van de console GEBROKEN vanaf regel ${chain.brokenAt}.`);
        if (!chain.intact) process.exitCode = 1;
        break;
      }
      case 'set-escrow-key': {
        if (!values.file) throw new Error('--file is verplicht');
        const fingerprint = await setEscrowKey(db, fs.readFileSync(values.file, 'utf8'), now);
        console.log(`Escrowsleutel ingesteld. Vingerafdruk (SHA-256): ${formatFingerprint(fingerprint)}`);
        break;
      }
      case 'escrow-key': {
        const { fingerprint } = await currentEscrowKey(db);
        console.log(fingerprint ? `Vingerafdruk (SHA-256) van de escrowsleutel: ${formatFingerprint(fingerprint)}` : 'Er is nog geen escrowsleutel ingesteld.');
        break;
      }
      case 'open-sealed': {
        if (!values.entity || !values.id || !values['private-key']) throw new Error('--entity, --id en --private-key zijn verplicht');
        const record = await openSealedRecord(db, { entity: values.entity, entityId: values.id, privateKeyPem: fs.readFileSync(values['private-key'], 'utf8'), reason: values.reason ?? '' }, now);
        console.log(JSON.stringify(record, null, 2));
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
