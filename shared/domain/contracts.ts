import type { ChildContractStatus, ContractStatus } from '../api/clients.schemas';

/** Contract status follows from its dates in the location's calendar. */
export function contractStatus(startDate: string, endDate: string | null, today: string): ContractStatus {
  if (startDate > today) return 'gepland';
  if (endDate !== null && endDate < today) return 'beeindigd';
  return 'actief';
}

/** A child's overall status: active beats planned beats ended; none without contracts. */
export function childContractStatus(statuses: ContractStatus[]): ChildContractStatus {
  if (statuses.includes('actief')) return 'actief';
  if (statuses.includes('gepland')) return 'gepland';
  if (statuses.includes('beeindigd')) return 'beeindigd';
  return 'geen';
}
