/** Overlay for revocation: a custom operator role, to prove the role comes from config. */
export const revocationConfig = { admin_role: 'root' } as const;
