import { Badge, Button, Card, Menu, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/api/schemas';
import { errorMessage } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { RoleBadges } from '../../components/RoleBadges';
import { useFormat } from '../../lib/format';
import { useSession } from '../auth/session';
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
  const notify = useNotify();
  const fmt = useFormat();
  const users = useQuery(apiQuery('users.list', {}));
  const [dialog, setDialog] = useState<Dialog>(null);

  const close = () => { setDialog(null); };
  const saved = (message: string) => {
    setDialog(null);
    notify({ title: t('common.saved'), message });
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        actions={<Button onClick={() => { setDialog({ kind: 'create' }); }}>{t('users.add')}</Button>}
      />
      <Card withBorder padding={0}>
        {users.isPending ? (
          <LoadingState />
        ) : users.isError ? (
          <Card.Section p="lg">
            <FormError message={errorMessage(users.error)} />
          </Card.Section>
        ) : users.data.length === 0 ? (
          <Text p="lg">{t('users.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" horizontalSpacing="sm" highlightOnHover>
              <VisuallyHidden component="caption">{t('users.tableCaption')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('users.name')}</Table.Th>
                  <Table.Th scope="col">{t('users.username')}</Table.Th>
                  <Table.Th scope="col">{t('users.roles')}</Table.Th>
                  <Table.Th scope="col">{t('users.status')}</Table.Th>
                  <Table.Th scope="col">{t('users.lastLogin')}</Table.Th>
                  <Table.Th scope="col">{t('users.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.map((user) => {
                  const self = user.id === session.userId;
                  return (
                    <Table.Tr key={user.id}>
                      <Table.Th scope="row" fw={600} miw={140}>
                        {user.name}
                        {self && (
                          <Text span c="dimmed" fw={400}>
                            {' '}
                            ({t('common.you')})
                          </Text>
                        )}
                      </Table.Th>
                      <Table.Td ff="monospace">{user.username}</Table.Td>
                      <Table.Td>
                        <RoleBadges roles={user.roles} />
                      </Table.Td>
                      <Table.Td>
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
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {user.lastLoginAt ? fmt.dateTime(user.lastLoginAt) : t('common.never')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
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
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      {dialog?.kind === 'create' && <CreateUserDialog onClose={close} onSaved={saved} />}
      {dialog?.kind === 'edit' && <EditUserDialog user={dialog.user} onClose={close} onSaved={saved} />}
      {dialog?.kind === 'reset' && <TemporaryPasswordDialog mode="reset" user={dialog.user} onClose={close} onSaved={saved} />}
      {dialog?.kind === 'activate' && <TemporaryPasswordDialog mode="activate" user={dialog.user} onClose={close} onSaved={saved} />}
      {dialog?.kind === 'deactivate' && <DeactivateUserDialog user={dialog.user} onClose={close} onSaved={saved} />}
    </>
  );
}
