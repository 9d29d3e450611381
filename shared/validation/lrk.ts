/** LRK-nummer (Landelijk Register Kinderopvang): exactly 9 digits. */
export const LRK_PATTERN = /^[0-9]{9}$/;
