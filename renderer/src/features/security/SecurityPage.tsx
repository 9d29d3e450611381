import { Alert, Badge, Button, Card, DataList, Group, NumberInput, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract, type MethodInput } from '../../../../shared/api/contract';
import type { AuditVerification, SecurityStatus } from '../../../../shared/api/schemas';
import { ALL_ROLES, can, Permission } from '../../../../shared/auth/permissions';
import { call } from '../../api/client';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { apiQuery, queryClient, setUnlocked } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { RoleBadges } from '../../components/RoleBadges';
import { shortId, useFormat } from '../../lib/format';
import { useCan, useSession } from '../auth/session';
import { RecoveryKeyRotation } from './RecoveryKeyRotation';

function Section({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section">
      <Title order={2} size="h3" mb={intro ? 4 : 'md'}>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed" mb="md">
          {intro}
        </Text>
      )}
      {children}
    </Card>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function YesNo({ value, good = true }: { value: boolean; good?: boolean }) {
  const { t } = useTranslation();
  const ok = value === good;
  return (
    <Badge variant="light" color={ok ? 'green' : 'red'}>
      {value ? t('common.yes') : t('common.no')}
    </Badge>
  );
}

function EncryptionSection({ encryption }: { encryption: SecurityStatus['encryption'] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('security.encryptionTitle')}>
      <DataList labelWidth={230}>
        <Item label={t('security.cipher')}>
          <Text span inherit ff="monospace">
            {encryption.cipher}
          </Text>
        </Item>
        <Item label={t('security.compatibility')}>{t('security.compatibilityValue', { version: encryption.legacy })}</Item>
        <Item label={t('security.sqlite3mc')}>{encryption.sqlite3mcVersion}</Item>
        <Item label={t('security.sqlite')}>{encryption.sqliteVersion}</Item>
        <Item label={t('security.fileHeader')}>
          <YesNo value={encryption.fileHeaderEncrypted} />
        </Item>
        <Item label={t('security.secureDelete')}>
          <Badge variant="light" color={encryption.secureDelete ? 'green' : 'red'}>
            {encryption.secureDelete ? t('common.on') : t('common.off')}
          </Badge>
        </Item>
        <Item label={t('security.journalMode')}>
          <Text span inherit ff="monospace">
            {encryption.journalMode}
          </Text>
        </Item>
      </DataList>
    </Section>
  );
}

function KeyringSection({ keyring }: { keyring: SecurityStatus['keyring'] }) {
  const { t } = useTranslation();
  const osActive = keyring.osProtection === 'active';
  return (
    <Section title={t('security.keyringTitle')}>
      <DataList labelWidth={230}>
        <Item label={t('security.userSlots')}>
          <Text span inherit>
            {keyring.userSlots}
          </Text>
          <Text size="xs" c="dimmed">
            {t('security.userSlotsHelp')}
          </Text>
        </Item>
        <Item label={t('security.recoverySlot')}>
          <YesNo value={keyring.recoverySlot} />
        </Item>
        <Item label={t('security.osProtection')}>
          <Badge variant="light" color={osActive ? 'green' : 'gray'}>
            {osActive ? t('security.osActive') : t('security.osUnavailable')}
          </Badge>
          <Text size="xs" c="dimmed" mt={4}>
            {osActive ? t('security.osActiveText') : t('security.osUnavailableText')}
          </Text>
        </Item>
      </DataList>
      <RecoveryKeyRotation />
    </Section>
  );
}

function VerificationResult({ result }: { result: AuditVerification }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert color="green" variant="light" role="status" title={t('security.resultOk')}>
        {t('security.verifyOk', { count: result.count })}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" role="alert" title={t('security.verifyBrokenTitle')}>
      <Text c="red.9" fw={600}>
        {t('security.verifyBroken', { seq: result.firstBrokenSeq ?? '?', reason: result.reason ?? t('common.unknown') })}
      </Text>
      <Text size="sm">{t('security.verifyBrokenHelp')}</Text>
    </Alert>
  );
}

function AuditSection({ audit, mayVerify }: { audit: SecurityStatus['audit']; mayVerify: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const verify = useMutation({
    mutationFn: () => call('audit.verify', {}),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['security.status'] });
      void queryClient.invalidateQueries({ queryKey: ['audit.recent'] });
    },
  });
  const last = audit.lastVerification;
  return (
    <Section title={t('security.auditTitle')} intro={t('security.auditIntro')}>
      <Stack gap="md">
        <DataList labelWidth={230}>
          <Item label={t('security.auditCount')}>{audit.count}</Item>
          <Item label={t('security.lastVerification')}>
            {last ? (
              <Group gap="xs">
                <Text span inherit>
                  {fmt.dateTime(last.verifiedAt)}
                </Text>
                <Badge variant="light" color={last.ok ? 'green' : 'red'}>
                  {last.ok ? t('security.resultOk') : t('security.resultBroken')}
                </Badge>
              </Group>
            ) : (
              t('security.notVerified')
            )}
          </Item>
        </DataList>
        {last && !last.ok && !verify.data && <VerificationResult result={last} />}
        {mayVerify && (
          <Group>
            <Button variant="outline" onClick={() => { verify.mutate(); }} loading={verify.isPending}>
              {t('security.verify')}
            </Button>
          </Group>
        )}
        {verify.data && <VerificationResult result={verify.data} />}
        <FormError message={verify.isError ? errorMessage(verify.error) : null} />
      </Stack>
    </Section>
  );
}

const settingsSchema = contract['settings.update'].input;

function IdleSettingsSection() {
  const { t } = useTranslation();
  const session = useSession();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(settingsSchema),
    defaultValues: { idleTimeoutMinutes: session.idleTimeoutMinutes },
  });
  const save = useMutation({
    mutationFn: (input: MethodInput<'settings.update'>) => call('settings.update', input),
    onSuccess: (next) => {
      setUnlocked(next);
      notify({ message: t('common.saved') });
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['idleTimeoutMinutes'])); },
  });
  return (
    <Section title={t('security.settingsTitle')}>
      <form
        noValidate
        onSubmit={(event) => void handleSubmit((values) => {
          setFormError(null);
          save.mutate(values);
        })(event)}
      >
        <Stack gap="md" align="flex-start">
          <FormError message={formError} />
          <Controller
            control={control}
            name="idleTimeoutMinutes"
            render={({ field }) => (
              <NumberInput
                label={t('security.idleMinutes')}
                description={t('security.idleDescription')}
                min={1}
                max={60}
                step={1}
                allowDecimal={false}
                allowNegative={false}
                w={320}
                name={field.name}
                ref={field.ref}
                value={field.value}
                onBlur={field.onBlur}
                onChange={(value) => { field.onChange(typeof value === 'number' ? value : value === '' ? Number.NaN : Number(value)); }}
                error={formState.errors.idleTimeoutMinutes?.message}
              />
            )}
          />
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function UsersAndRolesSection({ users }: { users: SecurityStatus['users'] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('security.usersTitle')}>
      <Stack gap="lg">
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <VisuallyHidden component="caption">{t('security.usersTitle')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.name')}</Table.Th>
                <Table.Th scope="col">{t('users.username')}</Table.Th>
                <Table.Th scope="col">{t('users.roles')}</Table.Th>
                <Table.Th scope="col">{t('users.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Th scope="row" fw={500}>
                    {user.name}
                  </Table.Th>
                  <Table.Td ff="monospace">{user.username}</Table.Td>
                  <Table.Td>
                    <RoleBadges roles={user.roles} />
                  </Table.Td>
                  <Table.Td>{user.active ? t('users.active') : t('users.inactive')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>

        <div>
          <Title order={3} size="h4" mb="xs">
            {t('security.matrixTitle')}
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={4} withTableBorder withColumnBorders>
              <VisuallyHidden component="caption">{t('security.matrixCaption')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('security.permission')}</Table.Th>
                  {ALL_ROLES.map((role) => (
                    <Table.Th scope="col" key={role} ta="center">
                      {t(`roles.${role}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {Permission.options.map((permission) => (
                  <Table.Tr key={permission}>
                    <Table.Th scope="row" fw={400}>
                      {t(`permissions.${permission}`, { defaultValue: permission })}
                    </Table.Th>
                    {ALL_ROLES.map((role) => {
                      const allowed = can([role], permission);
                      return (
                        <Table.Td key={role} ta="center">
                          <Text span fw={700} c={allowed ? 'green.9' : 'gray.7'} aria-hidden>
                            {allowed ? '✓' : '–'}
                          </Text>
                          <VisuallyHidden>{allowed ? t('security.allowed') : t('security.notAllowed')}</VisuallyHidden>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      </Stack>
    </Section>
  );
}

function RecentAuditSection() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const recent = useQuery(apiQuery('audit.recent', { limit: 20 }));
  return (
    <Section title={t('security.recentTitle')} intro={t('security.recentIntro')}>
      {recent.isPending ? (
        <LoadingState />
      ) : recent.isError ? (
        <FormError message={errorMessage(recent.error)} />
      ) : recent.data.length === 0 ? (
        <Text>{t('security.noEntries')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={4} striped>
            <VisuallyHidden component="caption">{t('security.recentCaption')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('security.seq')}</Table.Th>
                <Table.Th scope="col">{t('security.at')}</Table.Th>
                <Table.Th scope="col">{t('security.action')}</Table.Th>
                <Table.Th scope="col">{t('security.user')}</Table.Th>
                <Table.Th scope="col">{t('security.object')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recent.data.map((entry) => (
                <Table.Tr key={entry.seq}>
                  <Table.Td>{entry.seq}</Table.Td>
                  <Table.Td>{fmt.dateTimeSeconds(entry.at)}</Table.Td>
                  <Table.Td ff="monospace">{entry.action}</Table.Td>
                  <Table.Td ff="monospace">{shortId(entry.userId)}</Table.Td>
                  <Table.Td ff="monospace">{entry.entity ? `${entry.entity} ${shortId(entry.entityId)}` : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

/** Beveiliging (security.view): encryption, keyring, audit chain, auto-lock, roles, recent audit. */
export function SecurityPage() {
  const { t } = useTranslation();
  const may = useCan();
  const status = useQuery(apiQuery('security.status', {}));

  return (
    <>
      <PageHeader title={t('security.title')} intro={t('security.intro')} />
      {status.isPending ? (
        <LoadingState />
      ) : status.isError ? (
        <FormError message={errorMessage(status.error)} />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <EncryptionSection encryption={status.data.encryption} />
            <KeyringSection keyring={status.data.keyring} />
            <AuditSection audit={status.data.audit} mayVerify={may('audit.verify')} />
            {may('settings.manage') && <IdleSettingsSection />}
          </SimpleGrid>
          <UsersAndRolesSection users={status.data.users} />
          {may('audit.verify') && <RecentAuditSection />}
        </Stack>
      )}
    </>
  );
}
