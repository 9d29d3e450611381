import { Badge, Card, Checkbox, Group, Radio, Text, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CareType, Weekday } from '../../../../shared/api/clients.schemas';

export type ContractStatusOfChild = 'geen' | 'gepland' | 'actief' | 'beeindigd';

const STATUS_COLOR: Record<ContractStatusOfChild, string> = { geen: 'gray', gepland: 'blue', actief: 'green', beeindigd: 'grape' };

/** Contractstatus as a badge: geen / gepland / actief / beëindigd. */
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

/** A card with an h2 and optional actions on the right. */
export function Section({ title, intro, actions, children, id }: { title: string; intro?: ReactNode; actions?: ReactNode; children: ReactNode; id?: string }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id ? `${id}-title` : undefined}>
      <Group justify="space-between" align="flex-start" mb={intro ? 4 : 'md'} wrap="nowrap">
        <Title order={2} size="h3" id={id ? `${id}-title` : undefined}>
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {intro && (
        <Text size="sm" c="dimmed" mb="md">
          {intro}
        </Text>
      )}
      {children}
    </Card>
  );
}

/** Opvangsoort as radio buttons (dagopvang, BSO, peuteropvang). */
export function CareTypeField<T extends FieldValues>({ control, name, error }: { control: Control<T>; name: FieldPath<T>; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Radio.Group
          label={t('clients.careType')}
          withAsterisk
          value={typeof field.value === 'string' ? field.value : null}
          onChange={field.onChange}
          error={error}
        >
          <Group gap="lg" mt="xs">
            {CareType.options.map((type) => (
              <Radio key={type} value={type} label={t(`clients.careTypes.${type}`)} />
            ))}
          </Group>
        </Radio.Group>
      )}
    />
  );
}

/** Days of the week (ma–vr) as checkboxes. */
export function DaysField<T extends FieldValues>({ control, name, label, error }: { control: Control<T>; name: FieldPath<T>; label: string; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox.Group label={label} withAsterisk value={Array.isArray(field.value) ? (field.value as string[]) : []} onChange={field.onChange} error={error}>
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

/** "12-3-2023", "12/03/2023" or "12.03.2023" → "2023-03-12"; anything else is returned as typed (and fails validation). */
export function dutchDateToIso(text: string): string {
  const trimmed = text.trim();
  const match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  if (!match) return trimmed;
  const [, day, month, year] = match;
  return `${year!}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

const isoToDutch = (value: unknown) =>
  typeof value === 'string' ? (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').reverse().join('-') : value) : '';

/**
 * A date typed as dd-mm-jjjj, kept in the form as `YYYY-MM-DD` (what the shared schemas want).
 * Not `<input type="date">`: its display follows the browser's language, not the app's, so the
 * same screen could show 03/12/2026 — a text field shows the Dutch notation everywhere.
 */
export function DateField<T extends FieldValues>({
  control,
  name,
  label,
  required = false,
  description,
  autoFocus = false,
  maw,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  required?: boolean;
  description?: string;
  autoFocus?: boolean;
  maw?: number;
}) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextInput
          label={label}
          description={description}
          withAsterisk={required}
          placeholder={t('clients.datePlaceholder')}
          inputMode="numeric"
          autoComplete="off"
          maw={maw}
          data-autofocus={autoFocus || undefined}
          value={isoToDutch(field.value)}
          onChange={(event) => { field.onChange(dutchDateToIso(event.currentTarget.value)); }}
          onBlur={field.onBlur}
          name={field.name}
          ref={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
