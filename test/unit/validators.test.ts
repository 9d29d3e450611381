import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { elfproef, isValidBsn, maskBsn, normaliseBsn } from '../../shared/validation/bsn';
import { normalisePostcode } from '../../shared/validation/postcode';
import { formatIban, ibanMod97, normaliseIban } from '../../shared/validation/iban';

/** Any 8 digits completed with the check digit that makes the elfproef pass (if one exists). */
const validBsn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((d) => {
    const sum = d.reduce((acc, digit, i) => acc + (9 - i) * digit, 0);
    return [...d, sum % 11].join('');
  })
  .filter((bsn) => bsn.length === 9 && bsn !== '000000000');

describe('BSN elfproef', () => {
  it('every generated valid BSN passes', () => {
    fc.assert(
      fc.property(validBsn, (bsn) => {
        expect(isValidBsn(bsn)).toBe(true);
      }),
    );
  });

  it('every single-digit change of a valid BSN fails', () => {
    fc.assert(
      fc.property(validBsn, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (bsn, position, delta) => {
        const digit = (Number(bsn[position]) + delta) % 10;
        const changed = bsn.slice(0, position) + digit + bsn.slice(position + 1);
        expect(elfproef(changed)).toBe(false);
      }),
    );
  });

  it('pads 8 digits with a leading zero, ignores spaces and dots, refuses all zeros', () => {
    expect(normaliseBsn('11222333')).toBe('011222333');
    expect(normaliseBsn('111 222 333')).toBe('111222333');
    expect(normaliseBsn('1112.22.333')).toBe('111222333');
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('1234567')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
  });

  it('masks all but the last three digits', () => {
    expect(maskBsn('111222333')).toBe('••••••333');
  });
});

describe('postcode', () => {
  it.each([
    ['1234ab', '1234 AB'],
    ['1234 AB', '1234 AB'],
    [' 9999  zz ', '9999 ZZ'],
    ['1000AA', '1000 AA'],
  ])('normalises %s to %s', (input, output) => expect(normalisePostcode(input)).toBe(output));

  it.each(['0123 AB', '123 AB', '12345 AB', '1234 A', '1234 SA', '1234 sd', '1234SS', '1234 A1', ''])('refuses %s', (input) =>
    expect(normalisePostcode(input)).toBeNull(),
  );
});

describe('IBAN', () => {
  it('accepts valid Dutch IBANs in any spacing and case', () => {
    expect(normaliseIban('NL91 ABNA 0417 1643 00')).toBe('NL91ABNA0417164300');
    expect(normaliseIban('nl91abna0417164300')).toBe('NL91ABNA0417164300');
    expect(normaliseIban('NL44 RABO 0123 4567 89')).toBe('NL44RABO0123456789');
    expect(formatIban('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
  });

  it('refuses a wrong check, wrong length and non-Dutch IBANs', () => {
    expect(normaliseIban('NL92 ABNA 0417 1643 00')).toBeNull();
    expect(normaliseIban('NL91 ABNA 0417 1643 0')).toBeNull();
    expect(normaliseIban('DE89 3704 0044 0532 0130 00')).toBeNull(); // valid German IBAN, not NL
    expect(normaliseIban('NL91 1234 0417 1643 00')).toBeNull();
  });

  it('detects every single-digit change in the account number (mod-97)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 17 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const iban = 'NL91ABNA0417164300';
        const changed = iban.slice(0, position) + ((Number(iban[position]) + delta) % 10) + iban.slice(position + 1);
        expect(ibanMod97(changed)).not.toBe(1);
      }),
    );
  });
});
