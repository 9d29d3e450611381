import type { z } from 'zod';
import type { Contract, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { AppCore, Session } from '../core';

/** What a handler receives: the core, and the session (present for every non-public method). */
export interface HandlerContext {
  core: AppCore;
  session: Session;
}
export interface PublicContext {
  core: AppCore;
  session: Session | null;
}

type ContextFor<M extends MethodName> = Contract[M]['permission'] extends 'public' ? PublicContext : HandlerContext;

export type Handler<M extends MethodName> = (
  ctx: ContextFor<M>,
  input: z.output<Contract[M]['input']>,
) => Promise<MethodOutput<M>>;

export type Handlers<M extends MethodName> = { [K in M]: Handler<K> };
