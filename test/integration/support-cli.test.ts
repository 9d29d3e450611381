import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANAGER, ROOT, makeBackend, setUpLocation, sha256File, tempDir } from '../helpers/backend';
import { flipBytes } from '../helpers/backup';
import { HOUSEHOLD } from '../helpers/clients';

/** Runs `npm run cli -- …` the way IT would, answering its questions on stdin. */
function cli(args: string[], answers: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'electron', 'cli', 'main.ts'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(answers.map((a) => `${a}\n`).join(''));
  });
}

const login = [MANAGER.username, MANAGER.password];

async function lockedLocation() {
  const backend = makeBackend();
  const { recoveryKey } = await setUpLocation(backend);
  await backend.ok('households.create', HOUSEHOLD);
  await backend.ok('backup.now', {});
  const { pending } = await backend.ok('sync.status', {});
  await backend.ok('auth.lock', { reason: 'user' });
  return { backend, recoveryKey, pending, dataDir: backend.dataDir };
}

describe('support CLI', () => {
  it('--help prints the commands with aligned descriptions and exits 0; no command shows them and exits 2', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const result = await cli(args, []);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toContain('Gebruik: npm run cli -- <opdracht> --data-dir MAP');
      // Every description starts in the same column.
      const columns = result.stdout.split('\n').filter((line) => /^ {2}[a-z]/.test(line)).map((line) => /^ {2}\S.*?\s{2,}(?=\S)/.exec(line)?.[0].length);
      expect(new Set(columns).size, result.stdout).toBe(1);
    }
    expect((await cli([], [])).code).toBe(2);
  });

  it('doctor reports integrity, cipher, audit chain, pending sync and the last backup', async () => {
    const { dataDir, pending } = await lockedLocation();
    expect(pending).toBeGreaterThan(0);
    const before = sha256File(path.join(dataDir, 'locatie.db'));
    const result = await cli(['doctor', '--data-dir', dataDir], login);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/OK +Integriteit: in orde/);
    expect(result.stdout).toMatch(/OK +Versleuteling: sqlcipher, legacy=4/);
    expect(result.stdout).toMatch(/OK +Auditketen: in orde \(\d+ regels\)/);
    expect(result.stdout).toContain(`Synchronisatie: ${pending} wijziging(en) wachten`);
    expect(result.stdout).toMatch(/OK +Laatste back-up: .*\(manual\)/);
    // Asked for, not echoed, and never printed.
    expect(result.stderr).toContain('Wachtwoord: ');
    expect(result.stdout + result.stderr).not.toContain(MANAGER.password);
    // Read-only: the database file is unchanged and no -wal/-shm stay behind.
    expect(sha256File(path.join(dataDir, 'locatie.db'))).toBe(before);
    expect(fs.readdirSync(dataDir).filter((n) => n.endsWith('-wal') || n.endsWith('-shm'))).toEqual([]);
  });

  it('refuses secrets on the command line and wrong credentials', async () => {
    const { dataDir } = await lockedLocation();
    const argv = await cli(['doctor', '--data-dir', dataDir, '--password', MANAGER.password], []);
    expect(argv.code).toBe(2);
    expect(argv.stderr).toMatch(/Unknown option '--password'/);
    const wrong = await cli(['verify-audit', '--data-dir', dataDir], [MANAGER.username, 'Verkeerd-Wachtwoord-1']);
    expect(wrong).toMatchObject({ code: 1, stderr: expect.stringContaining('Gebruikersnaam, wachtwoord of herstelsleutel is onjuist.') });
  });

  it('backup with the herstelsleutel, verify-audit and export-audit (ids only)', async () => {
    const { dataDir, recoveryKey } = await lockedLocation();
    const target = tempDir('kop-cli-backup-');
    const made = await cli(['backup', '--data-dir', dataDir, '--to', target, '--recovery-key'], [recoveryKey]);
    expect(made.code).toBe(0);
    expect(fs.readdirSync(target).filter((n) => n.endsWith('.kopbackup'))).toHaveLength(1);

    const verified = await cli(['verify-audit', '--data-dir', dataDir], login);
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringMatching(/Auditketen in orde \(\d+ regels\)/) });

    const out = path.join(tempDir(), 'audit.csv');
    expect((await cli(['export-audit', '--data-dir', dataDir, '--out', out], login)).code).toBe(0);
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv).toMatch(/^\uFEFFseq;at;user_id;action;entity;entity_id;details;hash\r\n1;/);
    expect(csv).toContain(';backup.create;');
    for (const personal of [MANAGER.name, HOUSEHOLD.street, HOUSEHOLD.parents[0]!.surname]) expect(csv).not.toContain(personal);
  });

  it('doctor finds a damaged database without touching it; restore brings back the newest backup after confirmation', async () => {
    const { dataDir } = await lockedLocation();
    const dbFile = path.join(dataDir, 'locatie.db');
    flipBytes(dbFile, [3 * 4096 + 200]);
    const damaged = sha256File(dbFile);

    const doctor = await cli(['doctor', '--data-dir', dataDir], login);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/FOUT +Integriteit: beschadigd/);
    expect(sha256File(dbFile)).toBe(damaged);

    const cancelled = await cli(['restore', '--data-dir', dataDir], [...login, 'nee']);
    expect(cancelled).toMatchObject({ code: 1, stdout: expect.stringContaining('Afgebroken; er is niets gewijzigd.') });
    expect(sha256File(dbFile)).toBe(damaged);

    const restored = await cli(['restore', '--data-dir', dataDir], [...login, 'HERSTELLEN']);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/Back-up teruggezet\. De vorige database staat in .*voor-herstel-/);
    expect((await cli(['doctor', '--data-dir', dataDir], login)).stdout).toMatch(/OK +Integriteit: in orde/);
  });
});
