import { z } from 'zod';

/**
 * Roles. One user may hold several.
 * - manager: locatiemanager
 * - staff: pedagogisch medewerker
 * - meldcodeOfficer: aandachtsfunctionaris (meldcode / Veilig Thuis)
 */
export const Role = z.enum(['manager', 'staff', 'meldcodeOfficer']);
export type Role = z.infer<typeof Role>;
export const ALL_ROLES: readonly Role[] = Role.options;

/**
 * Permissions: API actions and data categories. Every API method names one; the backend checks
 * it on every call and the UI uses the same matrix to hide what a role may not see.
 */
export const Permission = z.enum([
  /** Any logged-in user: own session, own password. */
  'session',
  'users.manage',
  'security.view',
  'settings.manage',
  'audit.verify',
  /** Data categories (used by later modules). */
  'bsn.view',
  'bsn.reveal',
  'medical.read',
  'medical.write',
  'meldcode.access',
  'staffFiles.access',
]);
export type Permission = z.infer<typeof Permission>;

/** Which role may do what — the one place this is decided (AVG: need-to-know per function). */
export const PERMISSION_MATRIX: Record<Role, readonly Permission[]> = {
  manager: [
    'session',
    'users.manage',
    'security.view',
    'settings.manage',
    'audit.verify',
    'bsn.view',
    'bsn.reveal',
    'medical.read',
    'medical.write',
    'meldcode.access',
    'staffFiles.access',
  ],
  staff: ['session', 'medical.read'],
  meldcodeOfficer: ['session', 'meldcode.access'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of PERMISSION_MATRIX[role]) set.add(p);
  return set;
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return permissionsOf(roles).has(permission);
}
