import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/api/result';
import type { RestoreCredential } from '../../shared/api/backup.contract';
import { AppCore } from '../backend/core';
import { backupFolder } from '../backend/modules/backup/backup.config';
import { readBackupHeader } from '../backend/modules/backup/backup.file';
import { backupNow, listBackups, restoreBackup } from '../backend/modules/backup/backup.service';
import { exportAudit, runDoctor, verifyAudit } from '../backend/modules/support/support.service';
import { Prompter } from './prompt';

const USAGE = `Gebruik: npm run cli -- <opdracht> --data-dir MAP [opties]

Opdrachten:
  doctor                     integriteit, versleuteling, auditketen, wachtende sync, laatste back-up
  backup [--to MAP]          maak nu een versleutelde back-up (standaard in de ingestelde back-upmap)
  restore [--file PAD]       zet een back-up terug (standaard de nieuwste); de huidige database blijft bewaard
  verify-audit               controleer de hash-keten van de auditlog
  export-audit [--out PAD]   auditlog als CSV (alleen id's en codes), anders naar stdout
  help                       deze uitleg (ook: --help, -h)

Inloggen: de app vraagt om gebruikersnaam en wachtwoord, of met --recovery-key om de
herstelsleutel. Wachtwoorden en sleutels worden nooit op de opdrachtregel meegegeven.`;

type Options = { 'data-dir'?: string; to?: string; file?: string; out?: string; 'recovery-key'?: boolean; help?: boolean };

async function askCredential(prompter: Prompter, options: Options): Promise<RestoreCredential> {
  if (options['recovery-key']) return { kind: 'recoveryKey', recoveryKey: await prompter.ask('Herstelsleutel: ', { secret: true }) };
  const username = (await prompter.ask('Gebruikersnaam: ')).trim();
  return { kind: 'password', username, password: await prompter.ask('Wachtwoord: ', { secret: true }) };
}

/** The database key from this PC's keyring; the same wrong-credential message either way. */
async function unlock(core: AppCore, credential: RestoreCredential): Promise<{ key: Buffer; userId: string | null }> {
  if (core.state === 'setup') throw new AppError('NOT_SET_UP', `Geen sleutelbestand gevonden in ${core.options.dataDir}.`);
  const keyring = core.loadKeyring();
  if (credential.kind === 'recoveryKey') {
    const key = keyring.unlockWithRecoveryKey(credential.recoveryKey);
    if (key) return { key, userId: null };
  } else {
    const unlocked = await keyring.unlockWithPassword(credential.username, credential.password);
    if (unlocked) return { key: unlocked.dbKey, userId: unlocked.userId };
  }
  throw new AppError('UNAUTHENTICATED', 'Gebruikersnaam, wachtwoord of herstelsleutel is onjuist.');
}

async function run(command: string, options: Options, prompter: Prompter): Promise<number> {
  if (!options['data-dir']) throw new AppError('VALIDATION', '--data-dir is verplicht.');
  const core = new AppCore({ dataDir: path.resolve(options['data-dir']), resourcesDir: '' });
  switch (command) {
    case 'doctor': {
      const { key } = await unlock(core, await askCredential(prompter, options));
      try {
        const checks = await runDoctor(core, key);
        for (const check of checks) console.log(`${check.ok ? 'OK  ' : 'FOUT'}  ${check.name}: ${check.detail}`);
        return checks.every((c) => c.ok) ? 0 : 1;
      } finally {
        key.fill(0);
      }
    }
    case 'verify-audit': {
      const { key } = await unlock(core, await askCredential(prompter, options));
      const result = await verifyAudit(core, key).finally(() => key.fill(0));
      console.log(result.ok ? `Auditketen in orde (${result.count} regels).` : `Auditketen verbroken bij regel ${result.firstBrokenSeq}: ${result.reason}`);
      return result.ok ? 0 : 1;
    }
    case 'export-audit': {
      const { key } = await unlock(core, await askCredential(prompter, options));
      const csv = await exportAudit(core, key).finally(() => key.fill(0));
      if (options.out) {
        fs.writeFileSync(options.out, csv, { mode: 0o600 });
        console.error(`Auditlog geschreven naar ${options.out}.`);
      } else process.stdout.write(csv);
      return 0;
    }
    case 'backup': {
      const { key, userId } = await unlock(core, await askCredential(prompter, options));
      try {
        await core.open(key);
        const made = await backupNow(core, 'manual', { userId, folder: options.to && path.resolve(options.to) });
        console.log(`Back-up gemaakt: ${path.join(options.to ? path.resolve(options.to) : backupFolder(core.options.dataDir).folder, made.file)} (${made.sizeBytes} bytes)`);
        return 0;
      } finally {
        key.fill(0);
        await core.close();
      }
    }
    case 'restore': {
      const file = options.file ? path.resolve(options.file) : newestBackup(core);
      const header = readBackupHeader(file);
      console.log(`Back-up: ${file}\nGemaakt: ${header.createdAt} (${header.reason}), locatie ${header.keyring.locationName}`);
      const credential = await askCredential(prompter, options);
      const answer = await prompter.ask('De huidige database wordt apart gezet en vervangen. Typ HERSTELLEN om door te gaan: ');
      if (answer.trim() !== 'HERSTELLEN') {
        console.log('Afgebroken; er is niets gewijzigd.');
        return 1;
      }
      const result = await restoreBackup(core, { folder: path.dirname(file), file: path.basename(file), credential });
      console.log(`Back-up teruggezet.${result.keptAside ? ` De vorige database staat in ${result.keptAside}.` : ''}`);
      return 0;
    }
    default:
      console.log(USAGE);
      return 2;
  }
}

function newestBackup(core: AppCore): string {
  const { folder } = backupFolder(core.options.dataDir);
  const newest = listBackups(folder)[0];
  if (!newest) throw new AppError('NOT_FOUND', `Geen back-ups gevonden in ${folder}. Geef er een op met --file.`);
  return path.join(folder, newest.file);
}

async function main() {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const command = parsed.positionals[0] ?? '';
  if (parsed.values.help || command === 'help' || command === '') {
    console.log(USAGE);
    return command === '' && !parsed.values.help ? 2 : 0;
  }
  const prompter = new Prompter();
  try {
    return await run(command, parsed.values, prompter);
  } catch (error) {
    // Dutch AppError messages are meant for people; anything else is shown as is for IT.
    console.error(error instanceof AppError ? error.message : error);
    return 1;
  } finally {
    prompter.close();
  }
}

/** Strict: an unknown option (such as --password) is refused, so a secret is never taken from argv. */
function parse() {
  return parseArgs({
    allowPositionals: true,
    strict: true,
    options: {
      'data-dir': { type: 'string' },
      to: { type: 'string' },
      file: { type: 'string' },
      out: { type: 'string' },
      'recovery-key': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

void main().then((code) => process.exit(code));
