/** The query key of the console session (GET /console/api/me); null data = signed out. */
export const SESSION_KEY = ['console', 'session'] as const;
