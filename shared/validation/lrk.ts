/** LRK-nummer (Landelijk Register Kinderopvang): exactly 9 digits. */
export const LRK_PATTERN = /^[0-9]{9}$/;
export const LRK_MESSAGE = 'Het LRK-nummer bestaat uit precies 9 cijfers.';
