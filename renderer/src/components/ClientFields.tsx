import { Anchor, Badge, Checkbox, Group, NumberInput, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CareType, ChildContractStatus, Weekday } from '../../../shared/api/clients.schemas';
import { apiQuery } from '../api/queries';
import { useCan } from '../lib/session';
import { boundProps, DateField, RadioField, TextField } from './fields';

/** Contractstatus of a child: geen / gepland / actief / beëindigd (the contract's own status is one of the last three). */
export type ContractStatusOfChild = ChildContractStatus;
export const CONTRACT_STATUSES = ChildContractStatus.options;

const STATUS_COLOR: Record<ContractStatusOfChild, string> = { geen: 'gray', gepland: 'blue', actief: 'green', beeindigd: 'grape' };

export function ContractStatusBadge({ status }: { status: ContractStatusOfChild }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOR[status]}>
      {t(`clients.contractStatus.${status}`)}
    </Badge>
  );
}

/** "ma, di, do" in the UI language. */
export function useDaysText() {
  const { t } = useTranslation();
  return (days: readonly Weekday[]) => days.map((day) => t(`clients.weekdaysShort.${day}`)).join(', ');
}

interface FieldProps<T extends FieldValues, V> {
  control: Control<T, unknown, V>;
  name: FieldPath<T>;
}

/** Opvangsoort as radio buttons (dagopvang, BSO, peuteropvang). */
export function CareTypeField<T extends FieldValues, V = T>({ control, name }: FieldProps<T, V>) {
  const { t } = useTranslation();
  return <RadioField control={control} name={name} label={t('clients.careType')} required options={CareType.options.map((type) => ({ value: type, label: t(`clients.careTypes.${type}`) }))} />;
}

/** Days of the week (ma–vr) as checkboxes. */
export function DaysField<T extends FieldValues, V = T>({ control, name, label }: FieldProps<T, V> & { label: string }) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Checkbox.Group label={label} withAsterisk value={Array.isArray(field.value) ? (field.value as string[]) : []} onChange={field.onChange} error={fieldState.error?.message}>
          <Group gap="lg" mt="xs">
            {Weekday.options.map((day) => (
              <Checkbox key={day} value={day} label={t(`clients.weekdays.${day}`)} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
    />
  );
}

/** Uren per week of a contract: halves allowed, a decimal comma. */
export function HoursField<T extends FieldValues, V = T>({ control, name, maw }: FieldProps<T, V> & { maw?: number }) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={(bound) => (
        <NumberInput
          label={t('contracts.hours')}
          withAsterisk
          min={0.5}
          max={60}
          step={0.5}
          decimalScale={1}
          decimalSeparator=","
          allowNegative={false}
          maw={maw}
          {...boundProps(bound)}
          value={typeof bound.field.value === 'number' ? bound.field.value : ''}
          onChange={(value) => { bound.field.onChange(typeof value === 'number' ? value : undefined); }}
        />
      )}
    />
  );
}

/**
 * Groep, picked from the Groepen list (issue 17): no free text, so a typo cannot make a second group.
 * Archived groups are not offered, except the child's own (`current`). An empty list says where
 * groups are added.
 */
function GroupField<T extends FieldValues, V = T>({ control, name, current }: FieldProps<T, V> & { current?: string | null }) {
  const { t } = useTranslation();
  const may = useCan();
  const list = useQuery(apiQuery('groups.list', {}));
  const groups = (list.data ?? []).filter((g) => !g.archived || g.id === current);
  const none = list.isSuccess && groups.length === 0;
  const description = none ? (
    <>
      {t('groups.noGroups')}{' '}
      {may('clients.write') ? (
        <Anchor component={Link} to="/groepen" inherit>
          {t('groups.toGroups')}
        </Anchor>
      ) : (
        t('groups.askManager')
      )}
    </>
  ) : undefined;
  return (
    <Controller
      control={control}
      name={name}
      render={(bound) => (
        <Select
          label={t('children.form.group')}
          withAsterisk
          placeholder={t('groups.pickerPlaceholder')}
          description={description}
          data={groups.map((g) => ({ value: g.id, label: g.archived ? t('groups.archivedOption', { name: g.name }) : g.name }))}
          allowDeselect={false}
          searchable
          nothingFoundMessage={t('groups.noGroups')}
          disabled={none}
          {...boundProps(bound)}
          value={typeof bound.field.value === 'string' && bound.field.value ? bound.field.value : null}
          onChange={(value) => { bound.field.onChange(value ?? ''); }}
        />
      )}
    />
  );
}

/**
 * Voornaam, (voorletters,) tussenvoegsel, achternaam of a person, for a form that names them so,
 * optionally under a prefix (`child.`, `household.parents.0.`). The caller puts them in its grid.
 */
export function NameFields<T extends FieldValues, V = T>({
  control,
  prefix = '',
  initials = true,
  autoFocus = false,
}: {
  control: Control<T, unknown, V>;
  prefix?: string;
  initials?: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  // Every form using these fields holds them under `prefix` (the shared person schemas); TypeScript cannot check a built path.
  const path = (field: 'firstName' | 'initials' | 'surnamePrefix' | 'surname') => `${prefix}${field}` as FieldPath<T>;
  return (
    <>
      <TextField control={control} name={path('firstName')} label={t('clients.firstName')} required autoFocus={autoFocus} />
      {initials && <TextField control={control} name={path('initials')} label={t('clients.initials')} />}
      <TextField control={control} name={path('surnamePrefix')} label={t('clients.surnamePrefix')} />
      <TextField control={control} name={path('surname')} label={t('clients.surname')} required />
    </>
  );
}

/** A child's name, geboortedatum, groep and (when given) BSN, optionally under a prefix (`child.`). */
export function ChildFields<T extends FieldValues, V = T>({
  control,
  prefix = '',
  withBsn = false,
  bsnDescription,
  currentGroupId = null,
}: {
  control: Control<T, unknown, V>;
  prefix?: string;
  withBsn?: boolean;
  bsnDescription?: string;
  /** The child's group when editing: still shown when it has been archived. */
  currentGroupId?: string | null;
}) {
  const { t } = useTranslation();
  // As in NameFields: the child schemas name these fields so, under `prefix`.
  const path = (field: 'birthDate' | 'groupId' | 'bsn') => `${prefix}${field}` as FieldPath<T>;
  return (
    <>
      <NameFields control={control} prefix={prefix} autoFocus={!prefix} />
      <DateField control={control} name={path('birthDate')} label={t('clients.birthDate')} required />
      <GroupField control={control} name={path('groupId')} current={currentGroupId} />
      {withBsn && <TextField control={control} name={path('bsn')} label={t('bsn.label')} description={bsnDescription} inputMode="numeric" />}
    </>
  );
}
