import { AppError } from '../../../shared/api/result';

const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

/** A full disk, from Node (ENOSPC) or SQLite (SQLITE_FULL): the one storage failure a user can fix. */
export function isDiskFull(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && FULL_CODES.has(code);
}

export const DISK_FULL_MESSAGE =
  'De schijf is vol. De wijziging is niet opgeslagen en er is niets half bewaard. Maak ruimte vrij op de schijf en probeer het opnieuw.';

export const diskFullError = () => new AppError('DISK_FULL', DISK_FULL_MESSAGE);
