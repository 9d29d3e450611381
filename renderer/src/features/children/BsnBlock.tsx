import { Alert, Badge, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type BsnStatus } from '../../../../shared/api/clients.schemas';
import { contract } from '../../../../shared/api/contract';
import { recordSchemaResolver } from './forms';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../components/Notifications';
import { useCan } from '../auth/session';
import { formatDate } from './format';
import { DateField } from './common';
import { useApiMutation } from '../../api/mutations';
import { appToday } from '../../../../shared/domain/clock';

/** How long a revealed BSN stays on screen before it is masked again. */
export const REVEAL_SECONDS = 30;

interface Subject {
  subject: 'parent' | 'child';
  id: string;
  /** The person's name, for button labels ("BSN van Emma tonen"). */
  name: string;
}

/**
 * BSN of a parent or child as a manager sees it: masked (last 3 digits), the BSN-controle, and
 * the actions. Staff never receive a BSN (`bsn` is undefined) and see nothing here at all.
 */
export function BsnBlock({ bsn, ...subject }: Subject & { bsn: BsnStatus | null | undefined }) {
  const { t } = useTranslation();
  const may = useCan();
  const [dialog, setDialog] = useState<'set' | 'check' | null>(null);
  if (bsn === undefined || !may('bsn.view')) return null;
  const close = () => { setDialog(null); };

  return (
    <Stack gap={6}>
      {bsn ? (
        <>
          <Group gap="xs" wrap="wrap">
            <RevealableBsn masked={bsn.masked} {...subject} />
          </Group>
          {bsn.check ? (
            <Text size="sm">
              <Badge variant="light" color="green" mr={6}>
                {t('bsn.checked')}
              </Badge>
              {t('bsn.checkedText', { date: formatDate(bsn.check.checkedOn), method: t(`bsn.methods.${bsn.check.method}`), name: bsn.check.checkedByName })}
            </Text>
          ) : (
            <Badge variant="light" color="red">
              {t('bsn.checkMissing')}
            </Badge>
          )}
          <Group gap="xs">
            {!bsn.check && (
              <Button size="compact-sm" variant="light" onClick={() => { setDialog('check'); }} aria-label={t('bsn.recordCheckFor', { name: subject.name })}>
                {t('bsn.recordCheck')}
              </Button>
            )}
            <Button size="compact-sm" variant="default" onClick={() => { setDialog('set'); }} aria-label={t('bsn.changeFor', { name: subject.name })}>
              {t('bsn.change')}
            </Button>
          </Group>
        </>
      ) : (
        <Group gap="sm">
          <Text c="dimmed" size="sm">
            {t('bsn.none')}
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => { setDialog('set'); }} aria-label={t('bsn.addFor', { name: subject.name })}>
            {t('bsn.add')}
          </Button>
        </Group>
      )}
      {dialog === 'set' && <SetBsnDialog {...subject} replacing={bsn !== null} onClose={close} />}
      {dialog === 'check' && <RecordCheckDialog {...subject} onClose={close} />}
    </Stack>
  );
}

/** "Tonen": bsn.reveal (audit-logged), the full number for 30 seconds, then masked again. */
function RevealableBsn({ masked, subject, id, name }: Subject & { masked: string }) {
  const { t } = useTranslation();
  const may = useCan();
  const [revealed, setRevealed] = useState<{ bsn: string; until: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const reveal = useApiMutation('bsn.reveal', {
    onSuccess: (value) => {
      setNow(Date.now());
      setRevealed({ bsn: value.bsn, until: Date.now() + REVEAL_SECONDS * 1000 });
    },
  });

  useEffect(() => {
    if (!revealed) return;
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= revealed.until) setRevealed(null);
    }, 1000);
    return () => { clearInterval(timer); };
  }, [revealed]);

  const secondsLeft = revealed ? Math.max(0, Math.ceil((revealed.until - now) / 1000)) : 0;
  return (
    <>
      <Text ff="monospace" fw={600} aria-label={revealed ? t('bsn.fullLabel', { bsn: revealed.bsn.split('').join(' ') }) : t('bsn.maskedLabel', { digits: masked.slice(-3).split('').join(' ') })}>
        {revealed ? revealed.bsn : masked}
      </Text>
      {may('bsn.reveal') &&
        (revealed ? (
          <>
            <Button size="compact-sm" variant="subtle" onClick={() => { setRevealed(null); }}>
              {t('bsn.hide')}
            </Button>
            <Text size="xs" c="dimmed" role="status">
              {t('bsn.hidesIn', { count: secondsLeft })}
            </Text>
          </>
        ) : (
          <Button
            size="compact-sm"
            variant="subtle"
            loading={reveal.isPending}
            onClick={() => { reveal.mutate({ subject, id }); }}
            aria-label={t('bsn.revealFor', { name })}
            title={t('bsn.revealAudited')}
          >
            {t('bsn.reveal')}
          </Button>
        ))}
      {reveal.isError && (
        <Text size="sm" c="red.9" role="alert">
          {errorMessage(reveal.error)}
        </Text>
      )}
    </>
  );
}

/** "BSN invullen" / "BSN wijzigen" (bsn.set: elfproef, audited; a new number needs a new BSN-controle). */
function SetBsnDialog({ subject, id, name, replacing, onClose }: Subject & { replacing: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm({
    resolver: formResolver(contract['bsn.set'].input),
    defaultValues: { subject, id, bsn: '' },
  });
  const save = useApiMutation('bsn.set', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('bsn.saved', { name }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['bsn'])); },
  });
  return (
    <AppModal onClose={onClose} title={replacing ? t('bsn.changeTitle', { name }) : t('bsn.addTitle', { name })} size="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); save.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          {replacing && (
            <Alert color="blue" variant="light" p="sm">
              {t('bsn.changeExplanation')}
            </Alert>
          )}
          <TextInput
            label={t('bsn.label')}
            description={t('bsn.description')}
            withAsterisk
            inputMode="numeric"
            autoComplete="off"
            data-autofocus
            {...register('bsn')}
            error={formState.errors.bsn?.message}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

// A type alias (not an interface): it must fit the shared schema's `Record<string, unknown>` input.
type CheckForm = {
  subject: 'parent' | 'child';
  id: string;
  method: 'id_document' | 'svb_letter' | null;
  checkedOn: string;
};

/**
 * "BSN-controle vastleggen": THAT and HOW the BSN was checked (ID-bewijs van de ouder or the
 * SVB-brief for the child), and when. No document number, no copy — the form has no such field.
 */
function RecordCheckDialog({ subject, id, name, onClose }: Subject & { onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm({
    // The shared schema refuses any document-number or copy field, whatever the form sends.
    resolver: recordSchemaResolver<CheckForm, typeof contract['bsn.recordCheck']['input']>(contract['bsn.recordCheck'].input),
    defaultValues: { subject, id, method: null, checkedOn: appToday() },
  });
  const save = useApiMutation('bsn.recordCheck', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('bsn.checkSaved', { name }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['method', 'checkedOn'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('bsn.checkTitle', { name })} size="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); save.mutate(input); })(event)}>
        <Stack gap="md">
          <Text size="sm">{t('bsn.checkIntro')}</Text>
          <FormError message={formError} />
          <Controller
            control={control}
            name="method"
            render={({ field }) => (
              <Radio.Group label={t('bsn.checkMethod')} withAsterisk value={field.value} onChange={field.onChange} error={formState.errors.method?.message}>
                <Stack gap="xs" mt="xs">
                  <Radio value="id_document" label={t('bsn.methods.id_document')} data-autofocus />
                  <Radio value="svb_letter" label={t('bsn.methods.svb_letter')} />
                </Stack>
              </Radio.Group>
            )}
          />
          <DateField control={control} name="checkedOn" label={t('bsn.checkedOn')} required />
          <Alert color="blue" variant="light" p="sm">
            {t('bsn.neverStored')}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('bsn.recordCheck')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
