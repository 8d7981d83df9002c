/** Overlay for password login: enabled, with a non-default password. */
export const loginConfig = {
  auto_create_admin: true,
  admin_email: 'root@example.test',
  admin_password: 'correct horse battery staple',
  admin_role: 'operator',
} as const;
