import { describe, expect, it } from 'vitest';
import { auditLabelKey, EXTRA_AUDIT_ACTIONS, EXTRA_AUDIT_ENTITIES } from '../../shared/api/auditActions';
import { contract, type MethodDef } from '../../shared/api/contract';
import { Permission } from '../../shared/auth/permissions';
import { startOfDayIn } from '../../shared/domain/clock';
import { en } from '../../renderer/src/i18n/en';
import { nl } from '../../renderer/src/i18n/nl';

/**
 * Beveiliging shows the audit log in words. Every code the log can hold — each audited contract
 * method, plus the few codes services write themselves — and every record kind must have a label
 * in both languages, so a new audited method cannot appear as a raw code on screen.
 */
const audited = (Object.entries(contract) as [string, MethodDef][]).filter(([, def]) => def.audit);
const codes = [...audited.map(([name]) => name), ...EXTRA_AUDIT_ACTIONS];
const entities = new Set([...audited.flatMap(([, def]) => (def.audit?.entity ? [def.audit.entity] : [])), ...EXTRA_AUDIT_ENTITIES]);

describe('audit labels', () => {
  it('every audited method and service audit code has a Dutch and an English label', () => {
    expect(audited.length).toBeGreaterThan(50);
    const missing = (catalogue: Record<string, string>) => codes.filter((code) => !catalogue[auditLabelKey(code)]);
    expect(missing(nl.auditActions), 'nl.auditActions').toEqual([]);
    expect(missing(en.auditActions), 'en.auditActions').toEqual([]);
  });

  it('holds no label for a code that no longer exists', () => {
    const known = new Set(codes.map(auditLabelKey));
    expect(Object.keys(nl.auditActions).filter((key) => !known.has(key))).toEqual([]);
  });

  it('every record kind an audit row can name has a label', () => {
    const labels: Record<string, string> = nl.auditEntities;
    expect([...entities].filter((entity) => !labels[entity])).toEqual([]);
  });

  it('no label is a code or permission key', () => {
    const raw = new Set<string>([...codes, ...Permission.options]);
    const shown = [...Object.values(nl.auditActions), ...Object.values(nl.auditEntities), ...Object.values(nl.permissions)];
    expect(shown.filter((text) => raw.has(text) || /^[a-z]+\.[a-zA-Z.]+$/.test(text))).toEqual([]);
  });
});

describe('start of a calendar day at the location', () => {
  it('is midnight in Amsterdam, also on the days the clocks change', () => {
    expect(startOfDayIn('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDayIn('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    // Summer time starts 29 March 2026 at 02:00 (midnight is still winter time) and ends 25 October.
    expect(startOfDayIn('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayIn('2026-03-30')).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDayIn('2026-10-25')).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDayIn('2026-10-26')).toBe('2026-10-25T23:00:00.000Z');
  });
});
