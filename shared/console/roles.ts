import { z } from 'zod';

/**
 * The head-office console's roles. The privacy officer (Privacy Officer, privacy@) keeps the
 * organisation's registers; the FG (Functionaris Gegevensbescherming, external) reads everything
 * and changes nothing; IT manages locations and devices.
 */
const CONSOLE_ROLES = ['privacy_officer', 'fg', 'it'] as const;
export const ConsoleRole = z.enum(CONSOLE_ROLES, { error: 'Kies een rol: privacy_officer, fg of it.' });
export type ConsoleRole = z.infer<typeof ConsoleRole>;

export const CONSOLE_ROLE_LABELS: Record<ConsoleRole, string> = {
  privacy_officer: 'Privacy Officer',
  fg: 'Functionaris Gegevensbescherming',
  it: 'IT-beheer',
};

/** What a role may do. Every console API route names one of these. */
export const CONSOLE_CAPABILITIES = {
  /** Locations, devices, sync status. */
  'locations.read': ['privacy_officer', 'fg', 'it'],
  'locations.manage': ['it'],
  /** The console's own audit log. */
  'audit.read': ['privacy_officer', 'fg'],
  /** The organisation's registers (verwerkersregister, art. 30): kept by the privacy officer. */
  'registers.read': ['privacy_officer', 'fg'],
  'registers.manage': ['privacy_officer'],
} as const satisfies Record<string, readonly ConsoleRole[]>;
export type ConsoleCapability = keyof typeof CONSOLE_CAPABILITIES;

export const mayDo = (role: ConsoleRole, capability: ConsoleCapability): boolean => (CONSOLE_CAPABILITIES[capability] as readonly ConsoleRole[]).includes(role);
