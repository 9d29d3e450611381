import { Alert, Badge, Button, DataList, Group, NumberInput, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { auditLabelKey } from '../../../../shared/api/auditActions';
import { contract, type MethodInput } from '../../../../shared/api/contract';
import type { AuditVerification, SecurityStatus } from '../../../../shared/api/schemas';
import { ALL_ROLES, can, Permission } from '../../../../shared/auth/permissions';
import { call } from '../../api/client';
import { errorMessage, formResolver } from '../../api/forms';
import { apiQuery, queryClient, setUnlocked } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { ApiForm, SubmitButton } from '../../components/FormDialog';
import { DateField, SelectField } from '../../components/fields';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RoleBadges } from '../../components/RoleBadges';
import { Detail, Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';
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
              { key: 'permission', header: t('security.permission'), cell: (permission) => t(`permissions.${permission}`), rowHeader: true },
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

const AuditFilter = contract['audit.recent'].input.pick({ userId: true, from: true, to: true });
type AuditFilter = z.output<typeof AuditFilter>;
const NO_FILTER: AuditFilter = { userId: null, from: null, to: null };

/**
 * The latest audit rows in words: who (name), what (the action's Dutch label), on what kind of
 * record — no codes or ids on screen. IT gets the raw log (codes, ids, hashes) from the support
 * export as before.
 */
function RecentAuditSection({ users }: { users: SecurityStatus['users'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const form = useForm<z.input<typeof AuditFilter>, unknown, AuditFilter>({ resolver: formResolver(AuditFilter), defaultValues: { userId: null, from: '', to: '' } });
  const recent = useQuery(apiQuery('audit.recent', { limit: 50, ...filter }));
  const names = new Map(users.map((user) => [user.id, user.name]));
  const filtered = filter.userId !== null || filter.from !== null || filter.to !== null;
  return (
    <Section title={t('security.recentTitle')} intro={t('security.recentIntro')}>
      <Stack gap="md">
        <form
          noValidate
          aria-label={t('security.filterLabel')}
          onSubmit={(event) => void form.handleSubmit((values) => { setFilter(values); })(event)}
        >
          <Group align="flex-end" gap="md">
            <SelectField
              control={form.control}
              name="userId"
              label={t('security.filterUser')}
              data={users.map((user) => ({ value: user.id, label: user.name }))}
              placeholder={t('security.filterEveryone')}
              clearable
              w={260}
            />
            <DateField control={form.control} name="from" label={t('security.filterFrom')} maw={160} />
            <DateField control={form.control} name="to" label={t('security.filterTo')} maw={160} />
            <Button type="submit" variant="outline">
              {t('security.filterApply')}
            </Button>
            {filtered && (
              <Button variant="subtle" onClick={() => { form.reset(); setFilter(NO_FILTER); }}>
                {t('security.filterClear')}
              </Button>
            )}
          </Group>
        </form>
        <DataTable
          query={recent}
          caption={t('security.recentCaption')}
          rowKey={(entry) => String(entry.seq)}
          minWidth={640}
          tableProps={{ verticalSpacing: 4, striped: true }}
          empty={filtered ? t('security.noEntriesFiltered') : t('security.noEntries')}
          columns={[
            { key: 'at', header: t('security.at'), cell: (entry) => fmt.dateTimeSeconds(entry.at) },
            { key: 'user', header: t('security.user'), cell: (entry) => (entry.userId ? (names.get(entry.userId) ?? t('security.unknownUser')) : t('security.systemUser')) },
            { key: 'action', header: t('security.action'), cell: (entry) => t(`auditActions.${auditLabelKey(entry.action)}` as 'auditActions.auth_login', { defaultValue: t('security.otherAction') }) },
            { key: 'object', header: t('security.object'), cell: (entry) => (entry.entity ? t(`auditEntities.${entry.entity}` as 'auditEntities.child', { defaultValue: t('security.otherObject') }) : '—') },
          ]}
        />
      </Stack>
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
            {may('audit.verify') && <RecentAuditSection users={users} />}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
