/** Overlay for the guard: defaults (operator role `operator`). */
export const guardConfig = {} as const;
