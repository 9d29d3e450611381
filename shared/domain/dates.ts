/** `YYYY-MM-DD` → `DD-MM-YYYY`, the way Dutch documents write a date. */
export const nlDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
