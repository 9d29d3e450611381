import type { z } from 'zod';
import { contract, isMethodName, type AuditSpec, type MethodName } from '../../../shared/api/contract';
import { appendAudit, type AuditEntry } from '../modules/audit/audit.service';
import type { Trx } from '../db/schema';
import { AppError, fail, ok, type Result } from '../../../shared/api/result';
import { can } from '../../../shared/auth/permissions';
import type { AppCore } from '../core';
import { lock } from '../modules/auth/auth.service';
import { refreshSession } from '../modules/session/session.service';
import { idleTimeoutMinutes } from '../modules/settings/settings.service';
import { isDiskFull } from '../db/storageErrors';
import { msg } from '../../../shared/i18n/translate';
import { withClock } from '../../../shared/domain/clock';
import type { Handler } from './handler';
import { handlers } from './handlers';

/** Dotted path → first message (a catalogue reference encoded by `zm`, or zod's own text), for the form field. */
function fieldErrors(error: z.ZodError): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    details[key] ??= issue.message;
  }
  return details;
}

/** The audit row a declared method writes: the method name as action, ids from its input and output. */
function auditEntry(method: MethodName, spec: AuditSpec<unknown, unknown>, core: AppCore, input: unknown, output: unknown): AuditEntry {
  const entityId = spec.entityId?.(input, output) ?? undefined;
  return {
    userId: core.session?.userId ?? null,
    action: method,
    ...(spec.entity && entityId ? { entity: spec.entity, entityId } : {}),
    ...(spec.details ? { details: spec.details(input, output, core.session?.roles ?? []) } : {}),
  };
}

export interface Logger {
  error(message: string, error: unknown): void;
}

/**
 * The one entry point for both transports (IPC and web mode): check the session and the
 * permission, validate the input, run the handler, validate the output. Only the envelope leaves;
 * raw errors and stack traces are logged here and never reach the renderer.
 */
export async function dispatch(core: AppCore, methodName: string, rawInput: unknown, logger: Logger = console): Promise<Result<unknown>> {
  if (!isMethodName(methodName)) return fail('NOT_FOUND', msg('common.unknownMethod'));
  const def = contract[methodName];
  try {
    if (core.session && core.isOpen) {
      if (core.isIdleExpired(await idleTimeoutMinutes(core.db()))) await lock(core, 'idle');
    }
    const session = core.session;
    if (def.permission !== 'public') {
      if (!session) return fail('LOCKED', msg('common.locked'));
      await refreshSession(core);
      if (!can(session.roles, def.permission)) return fail('FORBIDDEN', msg('common.forbidden'));
      if (session.mustChangePassword && !def.duringPasswordChange) {
        return fail('FORBIDDEN', msg('common.changePasswordFirst'));
      }
      if (!def.passive) session.lastActivity = core.now().getTime();
    }

    // Validated after the permission check: a role that may not call a method learns nothing about its input.
    // "Not in the future" and other date checks in the schemas read the app's clock (`--clock`, test clocks).
    const parsed = withClock(core.now, () => def.input.safeParse(rawInput ?? {}));
    if (!parsed.success) {
      const details = fieldErrors(parsed.error);
      return fail('VALIDATION', Object.values(details)[0] ?? msg('common.invalidInput'), details);
    }

    const handler = handlers[methodName] as Handler<MethodName>;
    const audit = def.audit as AuditSpec<unknown, unknown> | undefined;
    const run = async () => {
      // The handler map is checked per method at compile time; here the input is already parsed.
      const value = await handler({ core, session: core.session } as Parameters<Handler<MethodName>>[0], parsed.data as never);
      const output = def.output.safeParse(value);
      if (!output.success) {
        logger.error(`output of ${methodName} does not match its schema`, output.error);
        throw new AppError('INTERNAL', msg('common.internal'));
      }
      return output.data;
    };
    if (!audit) return ok(await run());
    const record = (trx: Trx, value: unknown) => appendAudit(trx, auditEntry(methodName, audit, core, parsed.data, value), core.now());
    if (audit.transaction === 'own') {
      const value = await run();
      if (core.isOpen) await core.transaction((trx) => record(trx, value));
      return ok(value);
    }
    return ok(
      await core.transaction(async (trx) => {
        const value = await run();
        await record(trx, value);
        return value;
      }),
    );
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toApiError() };
    if (isDiskFull(error)) return fail('DISK_FULL', msg('common.diskFull'));
    logger.error(`method ${methodName} failed`, error);
    return fail('INTERNAL', msg('common.internal'));
  }
}
