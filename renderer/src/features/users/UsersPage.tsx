import { Badge, Button, Menu, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/api/schemas';
import { apiQuery } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { RoleBadges } from '../../components/RoleBadges';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { CreateUserDialog, DeactivateUserDialog, EditUserDialog, TemporaryPasswordDialog } from './UserDialogs';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: User }
  | { kind: 'reset'; user: User }
  | { kind: 'activate'; user: User }
  | { kind: 'deactivate'; user: User }
  | null;

/** Gebruikers (users.manage): the accounts of this location and what can be done with them. */
export function UsersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const fmt = useFormat();
  const users = useQuery(apiQuery('users.list', {}));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => { setDialog(null); };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        actions={<Button onClick={() => { setDialog({ kind: 'create' }); }}>{t('users.add')}</Button>}
      />
      <DataTable
        card
        query={users}
        caption={t('users.tableCaption')}
        rowKey={(user) => user.id}
        minWidth={820}
        tableProps={{ horizontalSpacing: 'sm', highlightOnHover: true }}
        empty={t('users.empty')}
        columns={[
          {
            key: 'name',
            header: t('users.name'),
            rowHeader: true,
            strong: true,
            cell: (user) => (
              <>
                {user.name}
                {user.id === session.userId && (
                  <Text span c="dimmed" fw={400}>
                    {' '}
                    ({t('common.you')})
                  </Text>
                )}
              </>
            ),
          },
          { key: 'username', header: t('users.username'), cell: (user) => <Text span inherit ff="monospace">{user.username}</Text> },
          { key: 'roles', header: t('users.roles'), cell: (user) => <RoleBadges roles={user.roles} /> },
          {
            key: 'status',
            header: t('users.status'),
            cell: (user) => (
              <Stack gap={4} align="flex-start">
                <Badge variant={user.active ? 'light' : 'outline'} color={user.active ? 'green' : 'gray'}>
                  {user.active ? t('users.active') : t('users.inactive')}
                </Badge>
                {user.active && user.mustChangePassword && (
                  <Badge variant="light" color="red">
                    {t('users.mustChange')}
                  </Badge>
                )}
              </Stack>
            ),
          },
          { key: 'lastLogin', header: t('users.lastLogin'), whiteSpace: 'nowrap', cell: (user) => <Text size="sm">{user.lastLoginAt ? fmt.dateTime(user.lastLoginAt) : t('common.never')}</Text> },
          {
            key: 'actions',
            header: t('users.actions'),
            cell: (user) => {
              const self = user.id === session.userId;
              return (
                <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
                  <Menu.Target>
                    <Button variant="default" size="xs" aria-label={t('users.actionsFor', { name: user.name })}>
                      {t('users.actions')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => { setDialog({ kind: 'edit', user }); }}>{t('users.edit')}</Menu.Item>
                    {user.active ? (
                      <>
                        <Menu.Item disabled={self} onClick={() => { setDialog({ kind: 'reset', user }); }}>
                          {t('users.resetPassword')}
                        </Menu.Item>
                        <Menu.Divider />
                        <Menu.Item color="red.9" disabled={self} onClick={() => { setDialog({ kind: 'deactivate', user }); }}>
                          {t('users.deactivate')}
                        </Menu.Item>
                      </>
                    ) : (
                      <Menu.Item onClick={() => { setDialog({ kind: 'activate', user }); }}>{t('users.activate')}</Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              );
            },
          },
        ]}
      />

      {dialog?.kind === 'create' && <CreateUserDialog onClose={close} />}
      {dialog?.kind === 'edit' && <EditUserDialog user={dialog.user} onClose={close} />}
      {dialog?.kind === 'reset' && <TemporaryPasswordDialog mode="reset" user={dialog.user} onClose={close} />}
      {dialog?.kind === 'activate' && <TemporaryPasswordDialog mode="activate" user={dialog.user} onClose={close} />}
      {dialog?.kind === 'deactivate' && <DeactivateUserDialog user={dialog.user} onClose={close} />}
    </>
  );
}
