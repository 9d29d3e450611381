import type { z } from 'zod';
import type { MethodDef } from './contract';

/**
 * Declares one method of a namespace contract, typing its audit callbacks from its input and
 * output. Kept apart from contract.ts, which imports every namespace contract.
 */
export const method = <I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>) => def;
