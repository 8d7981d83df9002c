/** Overlay for refresh rotation: password login enabled to start sessions. */
export const refreshConfig = {
  auto_create_admin: true,
  admin_email: 'ops@example.test',
  admin_password: 'refresh-test-password',
} as const;
