import { describe, expect, it } from 'vitest';
import { DATA_MAP } from '../../shared/dataMap/map';
import { SEALED } from '../../shared/sync/protocol';
import { envelopeOf, newSyncKey, openSealed, seal, SealError, SEAL_FORMAT, type SealedEnvelope } from '../../electron/backend/sync/seal';

const key = newSyncKey();
const keyFor = (id: string) => (id === 'k1' ? key : null);
const text = JSON.stringify({ child_id: 'c1', allergies: 'Pinda en noten' });
const sealed = () => seal(key, 'k1', 'child_medical', 'c1', 3, text);

function refusal(payload: unknown, entity = 'child_medical', id = 'c1', at?: number): SealError {
  try {
    openSealed(payload, entity, id, keyFor, at);
  } catch (error) {
    if (error instanceof SealError) return error;
    throw error;
  }
  throw new Error('opened');
}

const withEnvelope = (change: (e: SealedEnvelope) => SealedEnvelope) => ({ $sealed: change({ ...sealed().$sealed }) });
const flip = (b64: string, at: number) => {
  const bytes = Buffer.from(b64, 'base64');
  bytes[at] = bytes[at]! ^ 0x01;
  return bytes.toString('base64');
};

describe('sealing (AES-256-GCM, per-location sync key)', () => {
  it('round-trips, and the envelope carries no plaintext', () => {
    const payload = sealed();
    expect(payload.$sealed).toMatchObject({ format: SEAL_FORMAT, keyId: 'k1', version: 3 });
    expect(JSON.stringify(payload)).not.toContain('Pinda');
    expect(openSealed(payload, 'child_medical', 'c1', keyFor, 4)).toBe(text);
    // A fresh IV each time: the same text seals differently.
    expect(sealed().$sealed.data).not.toBe(payload.$sealed.data);
  });

  it('a flipped byte in the ciphertext, the tag or the IV is refused with a Dutch message', () => {
    const data = sealed().$sealed.data;
    const length = Buffer.from(data, 'base64').length;
    for (const at of [0, length - 17, length - 1]) expect(refusal(withEnvelope((e) => ({ ...e, data: flip(e.data, at) }))).message).toBe('Versleutelde gegevens van het hoofdkantoor zijn gewijzigd of beschadigd en zijn niet toegepast.');
    expect(refusal(withEnvelope((e) => ({ ...e, iv: flip(e.iv, 0) }))).reason).toBe('tampered');
  });

  it('a truncated ciphertext is refused', () => {
    const cut = (n: number) => withEnvelope((e) => ({ ...e, data: Buffer.from(e.data, 'base64').subarray(0, n).toString('base64') }));
    expect(refusal(cut(10)).message).toBe('Versleutelde gegevens van het hoofdkantoor zijn ingekort en zijn niet toegepast.');
    expect(refusal(cut(Buffer.from(sealed().$sealed.data, 'base64').length - 1)).reason).toBe('tampered');
    expect(refusal({ $sealed: { format: SEAL_FORMAT, keyId: 'k1' } }).reason).toBe('malformed');
  });

  it('the associated data bind entity, id, version and key id', () => {
    const payload = sealed();
    expect(refusal(payload, 'meldcode_cases').reason).toBe('tampered');
    expect(refusal(payload, 'child_medical', 'c2').reason).toBe('tampered');
    // The sealed version is authenticated: changing it breaks the tag …
    expect(refusal(withEnvelope((e) => ({ ...e, version: 2 }))).reason).toBe('tampered');
    // … and it must be older than head office's version of the change.
    expect(refusal(payload, 'child_medical', 'c1', 3).message).toBe('Versleutelde gegevens van het hoofdkantoor horen bij een andere versie en zijn niet toegepast.');
    const other = newSyncKey();
    expect(refusal(withEnvelope((e) => ({ ...e, keyId: 'k2' }))).reason).toBe('unknownKey');
    expect(() => openSealed(payload, 'child_medical', 'c1', () => other)).toThrow(SealError);
  });

  it('envelopeOf checks the shape', () => {
    expect(envelopeOf(sealed()).keyId).toBe('k1');
    expect(() => envelopeOf({ allergies: 'Pinda' })).toThrow(SealError);
  });
});

describe('which entities are sealed', () => {
  it('the sync layer seals exactly the tables the data map marks as sealed', () => {
    const marked = Object.entries(DATA_MAP)
      .filter(([, entry]) => entry.kind === 'personal' && entry.sealed)
      .map(([table]) => table)
      .sort();
    expect(marked).toEqual(['child_medical', 'meldcode_cases', 'meldcode_entries']);
    expect([...SEALED].sort()).toEqual(marked);
  });
});
