import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/api/contract';
import { ErrorCode } from '../../shared/api/result';
import { MANAGER, makeBackend, setUpLocation, tempDir, type TestBackend } from '../helpers/backend';

const RUNS = 200;
const METHODS = Object.keys(contract) as MethodName[];

/** Input keys the contract expects, when the input is an object schema (zod 4 keeps `shape` through refinements). */
function keysOf(method: MethodName): string[] {
  const schema: unknown = contract[method].input;
  return typeof schema === 'object' && schema !== null && 'shape' in schema && typeof schema.shape === 'object' && schema.shape !== null ? Object.keys(schema.shape) : [];
}

/**
 * Arbitrary inputs: anything at all, and objects with the method's own keys holding anything —
 * these get past the first checks and reach the deeper validation and the handlers. Strings for
 * a `folder` are kept inside a temp dir, so a fuzzed backup folder never lands in `/`.
 */
function inputs(method: MethodName, sandbox: string): fc.Arbitrary<unknown> {
  const keys = keysOf(method);
  const value = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.uuid(), fc.date().map((d) => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10))));
  const shaped = fc.record(Object.fromEntries(keys.map((key) => [key, key === 'folder' ? fc.string().map((s) => path.join(sandbox, s)) : value])), { requiredKeys: [] });
  return keys.length > 0 ? fc.oneof(fc.anything(), shaped, fc.dictionary(fc.constantFrom(...keys), value)) : fc.anything();
}

const KNOWN_CODES = new Set<string>(ErrorCode.options);

describe('API fuzzing', () => {
  it(`every method answers ${RUNS} arbitrary inputs with a value or a typed error, and invalid input changes nothing`, { timeout: 900_000 }, async () => {
    let clock = Date.now();
    const backend: TestBackend = makeBackend(undefined, { now: () => new Date(clock) });
    await setUpLocation(backend);
    const sandbox = tempDir('kop-fuzz-');
    const login = async () => {
      if (backend.core.session) return;
      // Fuzzed logins count as failures; move past the growing delay instead of waiting for it.
      clock += 10 * 60_000;
      await backend.ok('auth.login', MANAGER);
    };
    const codes: Record<string, number> = {};

    for (const method of METHODS) {
      await fc.assert(
        fc.asyncProperty(inputs(method, sandbox), async (input) => {
          await login();
          const changesBefore = backend.core.sqlite().prepare('SELECT total_changes()').pluck().get();
          const result = await backend.call(method, input);
          const code = result.ok ? 'ok' : result.error.code;
          codes[code] = (codes[code] ?? 0) + 1;
          if (result.ok) return;
          expect(KNOWN_CODES.has(result.error.code), `${method}: ${result.error.code}`).toBe(true);
          expect(result.error.code, `${method} crashed on ${JSON.stringify(input)}`).not.toBe('INTERNAL');
          expect(typeof result.error.message).toBe('string');
          // Refused input changed nothing (the connection is the same unless the call locked it).
          if (backend.core.isOpen && result.error.code === 'VALIDATION') {
            expect(backend.core.sqlite().prepare('SELECT total_changes()').pluck().get(), `${method} wrote before refusing ${JSON.stringify(input)}`).toBe(changesBefore);
          }
        }),
        { numRuns: RUNS },
      );
    }
    console.log(`API fuzzing: ${METHODS.length} methods × ${RUNS} runs; outcomes ${JSON.stringify(codes)}`);
    expect(codes.VALIDATION).toBeGreaterThan(METHODS.length * RUNS * 0.5);
  });
});
