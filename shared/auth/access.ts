import { contract, type MethodName } from '../api/contract';
import { ALL_ROLES, can, type Role } from './permissions';

/**
 * The API access matrix: for every method and every role, whether the backend lets the call
 * through its permission check. Derived from each method's permission in the contract and the
 * role grants in PERMISSION_MATRIX, so a new method is in the matrix the moment it is in the
 * contract. `public` methods (setup, login, status, restore on a damaged database) need no session.
 */
export type MethodAccess = 'public' | Readonly<Record<Role, boolean>>;

function accessOf(method: MethodName): MethodAccess {
  const { permission } = contract[method];
  if (permission === 'public') return 'public';
  return Object.fromEntries(ALL_ROLES.map((role) => [role, can([role], permission)])) as Record<Role, boolean>;
}

export const METHOD_ACCESS: Readonly<Record<MethodName, MethodAccess>> = Object.fromEntries(
  (Object.keys(contract) as MethodName[]).map((method) => [method, accessOf(method)]),
) as Record<MethodName, MethodAccess>;
