import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/auth/permissions';

const ROLE_COLOR: Record<Role, string> = { manager: 'blue', staff: 'teal', meldcodeOfficer: 'grape' };

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} variant="light" color={ROLE_COLOR[role]} fw={600}>
          {t(`roles.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}
