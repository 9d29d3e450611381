import { describe, expect, it } from 'vitest';
import { DATA_MAP, type MappedTable, type PersonalTable, type SubjectKey } from '../../shared/dataMap';
import { FORMAT_V1, NOT_IN_FORMAT_V1 } from '../../electron/backend/modules/requests/portability.service';
import { unlabelled } from '../../electron/backend/modules/requests/subjectFields';

/** The people an AVG request can be about (subject_requests.subject_type: a parent or a child). */
const REQUEST_SUBJECTS: readonly SubjectKey[] = ['parent', 'other_parent', 'child'];

const personal = Object.entries(DATA_MAP).filter((e): e is [MappedTable, PersonalTable] => e[1].kind === 'personal');
/** Tables the map leads from to one of those people (their own path or a group's). */
const reachable = personal.filter(([, e]) => REQUEST_SUBJECTS.some((s) => e.subjects[s] !== undefined || e.groups.some((g) => g.subject === s && g.path))).map(([t]) => t);

describe('access report wording', () => {
  it('labels every column a parent or child can read about themself', () => {
    expect(reachable).toEqual(expect.arrayContaining(['parents', 'children', 'waitlist_entries', 'marketing_opt_outs', 'subject_requests']));
    expect(unlabelled(reachable, (t) => (DATA_MAP[t as MappedTable] as PersonalTable).groups)).toEqual([]);
  });
});

describe('portability export', () => {
  it('has a place in the file format for every portable column, or names the table as not yet in it', () => {
    const missing: string[] = [];
    for (const table of reachable) {
      const entry = DATA_MAP[table] as PersonalTable;
      for (const g of entry.groups) {
        if (g.portable === false) continue;
        const columns = g.portable === true ? g.columns : g.portable;
        for (const c of columns) if (!FORMAT_V1[table]?.[c] && !NOT_IN_FORMAT_V1[table]) missing.push(`${table}.${c}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('carries nothing the map does not mark portable (no BSN, no group)', () => {
    for (const [table, fields] of Object.entries(FORMAT_V1)) {
      const entry = DATA_MAP[table as MappedTable] as PersonalTable;
      const portable = entry.groups.flatMap((g) => (g.portable === true ? g.columns : g.portable === false ? [] : g.portable));
      expect(Object.keys(fields).filter((c) => !portable.includes(c)), table).toEqual([]);
    }
  });
});
