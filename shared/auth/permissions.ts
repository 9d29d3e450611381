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
  /** Households (gezinnen), children, contracts, waiting list, pickup. */
  'clients.read',
  'clients.write',
  'contracts.manage',
  'waitlist.manage',
  'pickup.read',
  'pickup.write',
  'pickup.identify',
  'tasks.manage',
  /** Photo consents: staff read the roster; managers record consent and print forms. */
  'consents.read',
  'consents.write',
  /** Legal disclosures (verstrekkingen) and their register; marketing opt-outs and exports. */
  'disclosures.manage',
  'marketing.manage',
  /** AVG-verzoeken: register, inzage, rectificatie, beperking, verwijdering, dataportabiliteit. */
  'requests.manage',
  /** Couple this PC to head office, resolve sync conflicts. */
  'sync.manage',
  /** Back-ups: choose the folder, make one now, restore one. */
  'backup.manage',
  /** Bewaartermijnen, blokkades, vernietigingsrondes. */
  'retention.manage',
  /** Klachten: register, handle, close. */
  'complaints.manage',
  /** Datalekken: report one (everyone who works at the location: a breach is reported the moment it is found) and see one's own. */
  'breaches.report',
  /** Datalekken: see every report of the location. */
  'breaches.manage',
  /** Data categories. */
  'bsn.view',
  'bsn.reveal',
  /**
   * BSN-controle at intake: the masked BSN and its check, and recording the check by typing the
   * number from the document (the backend compares it) — never the full BSN.
   */
  'bsn.check',
  /** Allergies and diet: what every carer needs to know. */
  'medical.read',
  /** The whole medical section, including the other particulars (staff get allergies, diet, medication). */
  'medical.full',
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
    'clients.read',
    'clients.write',
    'contracts.manage',
    'waitlist.manage',
    'pickup.read',
    'pickup.write',
    'pickup.identify',
    'tasks.manage',
    'consents.read',
    'consents.write',
    'disclosures.manage',
    'marketing.manage',
    'requests.manage',
    'sync.manage',
    'backup.manage',
    'retention.manage',
    'complaints.manage',
    'breaches.report',
    'breaches.manage',
    'bsn.view',
    'bsn.reveal',
    'bsn.check',
    'medical.read',
    'medical.full',
    'medical.write',
    'meldcode.access',
    'staffFiles.access',
  ],
  // Staff need names, groups, allergies/diet and who may collect a child — not BSNs, IBANs or contracts.
  // They do the BSN-controle at intake (privacystatement: "medewerkers of managers"), on the masked BSN only.
  staff: ['session', 'clients.read', 'pickup.read', 'pickup.identify', 'medical.read', 'consents.read', 'bsn.check', 'breaches.report'],
  meldcodeOfficer: ['session', 'meldcode.access', 'breaches.report'],
};

function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of PERMISSION_MATRIX[role]) set.add(p);
  return set;
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return permissionsOf(roles).has(permission);
}
