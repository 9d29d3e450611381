import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, seedDemo } from '../../electron/backend/demo/seed';
import { isValidBsn } from '../../shared/validation/bsn';
import { makeBackend } from '../helpers/backend';

describe('demo data', () => {
  it('creates a location, the three demo accounts and households with valid BSNs through the API', async () => {
    const backend = makeBackend();
    await seedDemo(backend, 12);
    expect((await backend.ok('app.status', {})).state).toBe('locked');
    await backend.ok('auth.login', { username: DEMO_ACCOUNTS.staff.username, password: DEMO_ACCOUNTS.staff.password });
    await backend.ok('auth.lock', { reason: 'user' });
    // The aandachtsfunctionaris logs in with the printed password and holds only that role.
    const officer = await backend.ok('auth.login', { username: DEMO_ACCOUNTS.meldcodeOfficer.username, password: DEMO_ACCOUNTS.meldcodeOfficer.password });
    expect(officer).toMatchObject({ roles: ['meldcodeOfficer'], mustChangePassword: false });
    await backend.ok('auth.lock', { reason: 'user' });
    await backend.ok('auth.login', { username: DEMO_ACCOUNTS.manager.username, password: DEMO_ACCOUNTS.manager.password });
    const sqlite = backend.core.sqlite();
    expect((sqlite.prepare('SELECT count(*) AS n FROM households').get() as { n: number }).n).toBe(12);
    const bsns = sqlite.prepare('SELECT bsn FROM children UNION ALL SELECT bsn FROM parents WHERE bsn IS NOT NULL').all() as { bsn: string }[];
    expect(bsns.length).toBeGreaterThan(12);
    for (const { bsn } of bsns) expect(isValidBsn(bsn), bsn).toBe(true);
    // The demo's groups are on the Groepen list, with children in more than one of them.
    const list = await backend.ok('children.list', {});
    expect(new Set(list.rows.map((r) => r.groupId)).size).toBeGreaterThan(1);
    expect((await backend.ok('groups.list', {})).map((g) => g.name)).toEqual(['BSO Zeebonken', 'Peutergroep Egeltjes', 'Rupsjes', 'Vlinders']);
    expect((await backend.ok('waitlist.list', { status: 'open' })).length).toBe(12);
    // Consents, the VVE municipality, marketing objections and one registered GGD list make the demo look lived-in.
    const consents = sqlite.prepare('SELECT count(DISTINCT child_id) AS n FROM photo_consents').get() as { n: number };
    expect(consents.n).toBeGreaterThan(0);
    expect((sqlite.prepare('SELECT count(*) AS n FROM consent_form_returns').get() as { n: number }).n).toBeGreaterThan(0);
    expect((await backend.ok('municipalities.list', {})).map((m) => m.name)).toEqual(['Vianen']);
    expect(await backend.ok('marketing.optOuts', {})).toHaveLength(2);
    expect((await backend.ok('disclosures.register', {})).map((e) => e.recipient)).toEqual(['ggd']);
  });
});
