const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

/** A full disk, from Node (ENOSPC) or SQLite (SQLITE_FULL): the one storage failure a user can fix. */
export function isDiskFull(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && FULL_CODES.has(code);
}
