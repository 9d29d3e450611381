import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type MethodDef } from '../../shared/api/contract';

/**
 * The renderer's cache invalidation is derived from the contract (renderer/src/api/mutations.ts):
 * after a write, the reads that `show` an area the write `changes` are refetched. A read without
 * `shows` would silently go stale; a write without `changes` would refresh nothing.
 */

const ROOT = path.resolve(__dirname, '../..');
const methods = Object.entries(contract) as [string, MethodDef][];

/** Methods the renderer reads through a query (`apiQuery('…'`, `meldcodeQuery('…'` and the like). */
function rendererQueries(): Set<string> {
  const found = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/\.tsx?$/.test(entry.name)) {
        for (const match of fs.readFileSync(file, 'utf8').matchAll(/\b\w*Query\(\s*'(\w+\.\w+)'/g)) found.add(match[1]!);
      }
    }
  };
  visit(path.join(ROOT, 'renderer/src'));
  return found;
}

describe('data areas in the contract (cache invalidation)', () => {
  it('every method declares the areas it shows (a read) or changes (a write)', () => {
    const undeclared = methods.filter(([, def]) => def.shows === undefined && def.changes === undefined).map(([name]) => name);
    expect(undeclared, 'methods without shows or changes').toEqual([]);
  });

  it('every read the renderer queries declares shows', () => {
    const queried = rendererQueries();
    // The scan must see the renderer's queries, or this test proves nothing.
    expect(queried.size).toBeGreaterThan(20);
    const unknown = [...queried].filter((name) => !Object.hasOwn(contract, name));
    expect(unknown, 'queried names that are not contract methods').toEqual([]);
    const withoutShows = methods.filter(([name, def]) => queried.has(name) && def.shows === undefined).map(([name]) => name);
    expect(withoutShows, 'queried methods without shows').toEqual([]);
  });

  it('an audited read declares shows, an audited write changes', () => {
    const wrong = methods
      .filter(([, def]) => (def.audit?.kind === 'read' && def.shows === undefined) || (def.audit?.kind === 'write' && def.changes === undefined))
      .map(([name, def]) => `${name} (${def.audit?.kind})`);
    expect(wrong).toEqual([]);
  });
});
