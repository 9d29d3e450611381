import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passwordProblem } from '../../shared/validation/password';
import { generateRecoveryKey, normaliseRecoveryKey } from '../../electron/backend/db/keyring';
import { can, PERMISSION_MATRIX } from '../../shared/auth/permissions';
import { contract } from '../../shared/api/contract';

describe('password rule', () => {
  it.each([
    ['kort', 'Het wachtwoord moet minstens 12 tekens lang zijn.'],
    ['aaaaaaaaaaaaaaaa', 'Het wachtwoord bevat te weinig verschillende tekens.'],
    ['Wachtwoord2024!', 'Dit wachtwoord is te makkelijk te raden. Kies een langere zin of combinatie van woorden.'],
    ['xx-anna-de-zon-12', 'Het wachtwoord mag de gebruikersnaam niet bevatten.'],
  ])('refuses %s', (password, message) => {
    expect(passwordProblem(password, { username: 'anna' })).toBe(message);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblem('Zonnebloem-Tafel-42', { username: 'anna', name: 'Anna de Vries' })).toBeNull();
  });

  it('refuses the user’s own name parts', () => {
    expect(passwordProblem('Vries-Tafel-Zon-42', { username: 'anna', name: 'Anna de Vries' })).toBe('Het wachtwoord mag uw naam niet bevatten.');
  });
});

describe('recovery key', () => {
  it('is 8 groups of 4 unambiguous characters and differs every time', () => {
    const keys = new Set(Array.from({ length: 50 }, generateRecoveryKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('reads back however it is typed (case, spaces, look-alike letters)', () => {
    fc.assert(
      fc.property(fc.constant(null).map(generateRecoveryKey), (key) => {
        const typed = key.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
        expect(normaliseRecoveryKey(typed)).toBe(normaliseRecoveryKey(key));
      }),
    );
  });
});

describe('permission matrix', () => {
  it('staff never get BSNs, meldcode files or user management', () => {
    for (const p of ['bsn.view', 'bsn.reveal', 'meldcode.access', 'users.manage', 'security.view'] as const) expect(can(['staff'], p), p).toBe(false);
    expect(can(['staff'], 'medical.read')).toBe(true);
  });

  it('roles combine', () => {
    expect(can(['staff', 'meldcodeOfficer'], 'meldcode.access')).toBe(true);
    expect(can([], 'session')).toBe(false);
  });

  it('every API method names a permission that exists', () => {
    const known = new Set(Object.values(PERMISSION_MATRIX).flat());
    for (const [name, def] of Object.entries(contract)) {
      if (def.permission !== 'public') expect(known.has(def.permission), name).toBe(true);
    }
  });
});
