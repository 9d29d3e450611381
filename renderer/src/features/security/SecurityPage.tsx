import { Alert, Badge, Button, DataList, Group, NumberInput, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract, type MethodInput } from '../../../../shared/api/contract';
import type { AuditVerification, SecurityStatus } from '../../../../shared/api/schemas';
import { ALL_ROLES, can, Permission } from '../../../../shared/auth/permissions';
import { call } from '../../api/client';
import { errorMessage } from '../../api/forms';
import { apiQuery, queryClient, setUnlocked } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { ApiForm, SubmitButton } from '../../components/FormDialog';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RoleBadges } from '../../components/RoleBadges';
import { Detail, Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { shortId, useFormat } from '../../lib/format';
import { useCan, useSession } from '../../lib/session';
import { RecoveryKeyRotation } from './RecoveryKeyRotation';

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
        <Detail label={t('security.cipher')}>
          <Mono>{encryption.cipher}</Mono>
        </Detail>
        <Detail label={t('security.compatibility')}>{t('security.compatibilityValue', { version: encryption.legacy })}</Detail>
        <Detail label={t('security.sqlite3mc')}>{encryption.sqlite3mcVersion}</Detail>
        <Detail label={t('security.sqlite')}>{encryption.sqliteVersion}</Detail>
        <Detail label={t('security.fileHeader')}>
          <YesNo value={encryption.fileHeaderEncrypted} />
        </Detail>
        <Detail label={t('security.secureDelete')}>
          <Badge variant="light" color={encryption.secureDelete ? 'green' : 'red'}>
            {encryption.secureDelete ? t('common.on') : t('common.off')}
          </Badge>
        </Detail>
        <Detail label={t('security.journalMode')}>
          <Mono>{encryption.journalMode}</Mono>
        </Detail>
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
        <Detail label={t('security.userSlots')}>
          <Text span inherit>
            {keyring.userSlots}
          </Text>
          <Text size="xs" c="dimmed">
            {t('security.userSlotsHelp')}
          </Text>
        </Detail>
        <Detail label={t('security.recoverySlot')}>
          <YesNo value={keyring.recoverySlot} />
        </Detail>
        <Detail label={t('security.osProtection')}>
          <Badge variant="light" color={osActive ? 'green' : 'gray'}>
            {osActive ? t('security.osActive') : t('security.osUnavailable')}
          </Badge>
          <Text size="xs" c="dimmed" mt={4}>
            {osActive ? t('security.osActiveText') : t('security.osUnavailableText')}
          </Text>
        </Detail>
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
          <Detail label={t('security.auditCount')}>{audit.count}</Detail>
          <Detail label={t('security.lastVerification')}>
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
          </Detail>
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

function IdleSettingsSection() {
  const { t } = useTranslation();
  const session = useSession();
  const form = useApiForm({
    schema: contract['settings.update'].input,
    defaultValues: { idleTimeoutMinutes: session.idleTimeoutMinutes },
    mutation: useMutation({ mutationFn: (input: MethodInput<'settings.update'>) => call('settings.update', input) }),
    success: (next) => t('security.settingsSaved', { count: next.idleTimeoutMinutes }),
    onSuccess: setUnlocked,
  });
  return (
    <Section title={t('security.settingsTitle')}>
      <ApiForm form={form}>
        <Controller
          control={form.control}
          name="idleTimeoutMinutes"
          render={({ field, fieldState }) => (
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
              error={fieldState.error?.message}
            />
          )}
        />
        <Group>
          <SubmitButton form={form}>{t('common.save')}</SubmitButton>
        </Group>
      </ApiForm>
    </Section>
  );
}

function UsersAndRolesSection({ users }: { users: SecurityStatus['users'] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('security.usersTitle')}>
      <Stack gap="lg">
        <DataTable
          rows={users}
          caption={t('security.usersTitle')}
          rowKey={(user) => user.id}
          minWidth={560}
          tableProps={{ verticalSpacing: 'xs' }}
          columns={[
            { key: 'name', header: t('users.name'), cell: (user) => user.name, rowHeader: true },
            { key: 'username', header: t('users.username'), cell: (user) => <Text span inherit ff="monospace">{user.username}</Text> },
            { key: 'roles', header: t('users.roles'), cell: (user) => <RoleBadges roles={user.roles} /> },
            { key: 'status', header: t('users.status'), cell: (user) => (user.active ? t('users.active') : t('users.inactive')) },
          ]}
        />
        <Section level={3} title={t('security.matrixTitle')}>
          <DataTable
            rows={Permission.options}
            caption={t('security.matrixCaption')}
            rowKey={(permission) => permission}
            minWidth={560}
            tableProps={{ verticalSpacing: 4, withTableBorder: true, withColumnBorders: true }}
            columns={[
              { key: 'permission', header: t('security.permission'), cell: (permission) => t(`permissions.${permission}`, { defaultValue: permission }), rowHeader: true },
              ...ALL_ROLES.map((role) => ({
                key: role,
                header: t(`roles.${role}`),
                align: 'center' as const,
                cell: (permission: Permission) => <Allowed allowed={can([role], permission)} />,
              })),
            ]}
          />
        </Section>
      </Stack>
    </Section>
  );
}

function Allowed({ allowed }: { allowed: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Text span fw={700} c={allowed ? 'green.9' : 'gray.7'} aria-hidden>
        {allowed ? '✓' : '–'}
      </Text>
      <VisuallyHidden>{allowed ? t('security.allowed') : t('security.notAllowed')}</VisuallyHidden>
    </>
  );
}

function RecentAuditSection() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const recent = useQuery(apiQuery('audit.recent', { limit: 20 }));
  return (
    <Section title={t('security.recentTitle')} intro={t('security.recentIntro')}>
      <DataTable
        query={recent}
        caption={t('security.recentCaption')}
        rowKey={(entry) => String(entry.seq)}
        minWidth={640}
        tableProps={{ verticalSpacing: 4, striped: true }}
        empty={t('security.noEntries')}
        columns={[
          { key: 'seq', header: t('security.seq'), cell: (entry) => entry.seq },
          { key: 'at', header: t('security.at'), cell: (entry) => fmt.dateTimeSeconds(entry.at) },
          { key: 'action', header: t('security.action'), cell: (entry) => <Mono>{entry.action}</Mono> },
          { key: 'user', header: t('security.user'), cell: (entry) => <Mono>{shortId(entry.userId)}</Mono> },
          { key: 'object', header: t('security.object'), cell: (entry) => <Mono>{entry.entity ? `${entry.entity} ${shortId(entry.entityId)}` : '—'}</Mono> },
        ]}
      />
    </Section>
  );
}

function Mono({ children }: { children: ReactNode }) {
  return (
    <Text span inherit ff="monospace">
      {children}
    </Text>
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
      <QueryState query={status}>
        {({ encryption, keyring, audit, users }) => (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              <EncryptionSection encryption={encryption} />
              <KeyringSection keyring={keyring} />
              <AuditSection audit={audit} mayVerify={may('audit.verify')} />
              {may('settings.manage') && <IdleSettingsSection />}
            </SimpleGrid>
            <UsersAndRolesSection users={users} />
            {may('audit.verify') && <RecentAuditSection />}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
