import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/backend/modules/audit/audit.service';
import { MANAGER, makeBackend, setUpLocation } from '../helpers/backend';
import { HOUSEHOLD } from '../helpers/clients';

/** A 4 MiB tmpfs for the data folder, where the machine allows mounting (root, no container veto). */
let mountPoint = '';
let skipReason: string | null = null;

beforeAll(() => {
  // Not tempDir(): its cleanup runs after each test, before the tmpfs is unmounted.
  mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'kop-diskfull-'));
  if (process.platform !== 'linux') {
    skipReason = 'tmpfs mounts are Linux-only';
    return;
  }
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', mountPoint], { encoding: 'utf8' });
  if (mount.status !== 0) skipReason = `cannot mount a tmpfs here (${(mount.stderr || mount.error?.message || '').trim()})`;
});

afterAll(() => {
  if (!skipReason) spawnSync('umount', ['-l', mountPoint]);
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

function freeBytes(dir: string): number {
  const stats = fs.statfsSync(dir);
  return stats.bavail * stats.bsize;
}

describe('disk full', () => {
  it('refuses a write with a Dutch error, keeps every saved record and a consistent database, and works again once space is freed', async (ctx) => {
    if (skipReason) {
      console.log(`disk-full test skipped: ${skipReason}`);
      ctx.skip();
    }
    const dataDir = path.join(mountPoint, 'data');
    const backend = makeBackend(dataDir);
    await setUpLocation(backend);
    // Leave about 200 KiB: room for a few households (a household with its audit row and outbox entry appends about 14 WAL pages), then the disk is full mid-transaction.
    const filler = path.join(mountPoint, 'vulling');
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, freeBytes(mountPoint) - 200 * 1024)));

    const saved: string[] = [];
    let refusal: { code: string; message: string } | null = null;
    for (let i = 0; i < 500 && !refusal; i++) {
      const result = await backend.call('households.create', { ...HOUSEHOLD, houseNumber: String(i + 1) });
      if (result.ok) saved.push((result.value as { id: string }).id);
      else refusal = result.error;
    }
    expect(saved.length).toBeGreaterThan(0);
    expect(refusal).toEqual({ code: 'DISK_FULL', message: expect.stringMatching(/^De schijf is vol\. De wijziging is niet opgeslagen/), ref: { key: 'common.diskFull' } });

    // Consistent: integrity ok, every saved household present, the refused one not half there.
    const sqlite = backend.core.sqlite();
    expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(sqlite.prepare('SELECT id FROM households ORDER BY id').pluck().all()).toEqual([...saved].sort());
    expect(sqlite.prepare("SELECT count(*) FROM outbox WHERE entity = 'households'").pluck().get()).toBe(saved.length);
    expect((await verifyAuditChain(backend.core.db())).ok).toBe(true);
    // Trying again is refused the same way, not a crash; a smaller write (recording an audit
    // verification) may still fit in the WAL space the refused write had taken, or is refused too.
    const rest = path.join(mountPoint, 'rest');
    fs.writeFileSync(rest, Buffer.alloc(freeBytes(mountPoint)));
    expect((await backend.err('households.create', HOUSEHOLD)).code).toBe('DISK_FULL');
    const verify = await backend.call('audit.verify', {});
    expect(verify.ok || verify.error.code).toSatisfy((outcome: unknown) => outcome === true || outcome === 'DISK_FULL');
    expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    fs.rmSync(filler);
    fs.rmSync(rest);
    await backend.ok('households.create', HOUSEHOLD);
    await backend.ok('auth.lock', { reason: 'user' });
    await backend.ok('auth.login', MANAGER);
    expect(backend.core.sqlite().prepare('SELECT count(*) FROM households').pluck().get()).toBe(saved.length + 1);
  });
});
