/** Who was logged in last, to pre-fill the login screen; in localStorage for convenience (never the password). */
const LAST_USERNAME_KEY = 'kop.lastUsername';

export const rememberUsername = (username: string) => { localStorage.setItem(LAST_USERNAME_KEY, username); };
export const lastUsername = () => localStorage.getItem(LAST_USERNAME_KEY) ?? '';
