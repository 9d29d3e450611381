import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../../shared/api/contract';
import { AppError, fail, ok, type Result } from '../../../shared/api/result';
import { can } from '../../../shared/auth/permissions';
import type { AppCore } from '../core';
import { lock } from '../modules/users/auth.service';
import { refreshSession } from '../modules/users/users.service';
import { idleTimeoutMinutes } from '../modules/settings/settings.service';
import { DISK_FULL_MESSAGE, isDiskFull } from '../db/storageErrors';
import { withClock } from '../../../shared/domain/clock';
import type { Handler } from './handler';
import { handlers } from './handlers';

/** Dotted path → first message, for showing errors at the form field. */
function fieldErrors(error: z.ZodError): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    details[key] ??= issue.message;
  }
  return details;
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
  if (!isMethodName(methodName)) return fail('NOT_FOUND', 'Onbekende functie.');
  const def = contract[methodName];
  try {
    if (core.session && core.isOpen) {
      if (core.isIdleExpired(await idleTimeoutMinutes(core.db()))) await lock(core, 'idle');
    }
    const session = core.session;
    if (def.permission !== 'public') {
      if (!session) return fail('LOCKED', 'De app is vergrendeld. Log opnieuw in.');
      await refreshSession(core);
      if (!can(session.roles, def.permission)) return fail('FORBIDDEN', 'U heeft geen toegang tot deze functie.');
      if (session.mustChangePassword && !def.duringPasswordChange) {
        return fail('FORBIDDEN', 'Kies eerst een nieuw wachtwoord.');
      }
      if (!def.passive) session.lastActivity = core.now().getTime();
    }

    // Validated after the permission check: a role that may not call a method learns nothing about its input.
    // "Not in the future" and other date checks in the schemas read the app's clock (`--clock`, test clocks).
    const parsed = withClock(core.now, () => def.input.safeParse(rawInput ?? {}));
    if (!parsed.success) {
      const details = fieldErrors(parsed.error);
      return fail('VALIDATION', Object.values(details)[0] ?? 'Ongeldige invoer.', details);
    }

    const handler = handlers[methodName] as Handler<MethodName>;
    // The handler map is checked per method at compile time; here the input is already parsed.
    const value = await handler({ core, session: core.session } as Parameters<Handler<MethodName>>[0], parsed.data as never);
    const output = def.output.safeParse(value);
    if (!output.success) {
      logger.error(`output of ${methodName} does not match its schema`, output.error);
      return fail('INTERNAL', 'Er ging iets mis. Probeer het opnieuw of neem contact op met het hoofdkantoor.');
    }
    return ok(output.data);
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message, error.details);
    if (isDiskFull(error)) return fail('DISK_FULL', DISK_FULL_MESSAGE);
    logger.error(`method ${methodName} failed`, error);
    return fail('INTERNAL', 'Er ging iets mis. Probeer het opnieuw of neem contact op met het hoofdkantoor.');
  }
}
