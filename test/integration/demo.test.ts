import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, seedDemo } from '../../electron/backend/demo/seed';
import { isValidBsn } from '../../shared/validation/bsn';
import { makeBackend } from '../helpers/backend';

describe('demo data', () => {
  it('creates a location, both demo accounts and households with valid BSNs through the API', async () => {
    const backend = makeBackend();
    await seedDemo(backend, 12);
    expect((await backend.ok('app.status', {})).state).toBe('locked');
    await backend.ok('auth.login', { username: DEMO_ACCOUNTS.staff.username, password: DEMO_ACCOUNTS.staff.password });
    await backend.ok('auth.lock', { reason: 'user' });
    await backend.ok('auth.login', { username: DEMO_ACCOUNTS.manager.username, password: DEMO_ACCOUNTS.manager.password });
    const sqlite = backend.core.sqlite();
    expect((sqlite.prepare('SELECT count(*) AS n FROM households').get() as { n: number }).n).toBe(12);
    const bsns = sqlite.prepare('SELECT bsn FROM children UNION ALL SELECT bsn FROM parents WHERE bsn IS NOT NULL').all() as { bsn: string }[];
    expect(bsns.length).toBeGreaterThan(12);
    for (const { bsn } of bsns) expect(isValidBsn(bsn), bsn).toBe(true);
    const list = await backend.ok('children.list', {});
    expect(list.groups.length).toBeGreaterThan(1);
    expect((await backend.ok('waitlist.list', { status: 'open' })).length).toBe(12);
  });
});
