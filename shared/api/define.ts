import type { z } from 'zod';
import type { MethodDef } from './contract';

/**
 * Declares one method of a namespace's contract file (`households.contract.ts`, …), keeping its
 * input and output types. Type-only import: contract.ts spreads the namespace files, so they may
 * not import it at run time.
 */
export const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;
