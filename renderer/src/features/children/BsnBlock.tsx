import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BsnCheckInput, BsnStatus, BsnSubject } from '../../../../shared/api/clients.schemas';
import { contract } from '../../../../shared/api/contract';
import { appToday } from '../../../../shared/domain/clock';
import { useApiMutation } from '../../api/mutations';
import { DateField, RadioField, TextField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { useApiForm, withFormShape } from '../../components/useApiForm';
import { useFormat } from '../../lib/format';
import { useCan } from '../../lib/session';
import { errorMessage } from '../../api/forms';

/** How long a revealed BSN stays on screen before it is masked again. */
const REVEAL_SECONDS = 30;

type BsnSubjectKind = (typeof BsnSubject.shape.subject.options)[number];
const CHECK_METHODS = BsnStatus.shape.check.unwrap().shape.method.options;
type CheckMethod = (typeof CHECK_METHODS)[number];

interface Subject {
  subject: BsnSubjectKind;
  id: string;
  /** The person's name, for button labels ("BSN van Emma tonen"). */
  name: string;
}

/**
 * BSN of a parent or child as a manager sees it: masked (last 3 digits), the BSN-controle, and
 * the actions. Staff (`bsn.check` only) see that a BSN is recorded and its BSN-controle, and record
 * the check by typing the number from the document — never a digit of the recorded BSN.
 */
export function BsnBlock({ bsn, ...subject }: Subject & { bsn: BsnStatus | null | undefined }) {
  const { t } = useTranslation();
  const may = useCan();
  const fmt = useFormat();
  const [dialog, setDialog] = useState<'set' | 'check' | null>(null);
  const full = may('bsn.view');
  if (bsn === undefined || !(full || may('bsn.check'))) return null;
  const close = () => { setDialog(null); };

  return (
    <Stack gap={6}>
      {bsn ? (
        <>
          <Group gap="xs" wrap="wrap">
            {full ? <RevealableBsn masked={bsn.masked} {...subject} /> : <Text size="sm">{t('bsn.recorded')}</Text>}
          </Group>
          {bsn.check ? (
            <Text size="sm">
              <Badge variant="light" color="green" mr={6}>
                {t('bsn.checked')}
              </Badge>
              {t('bsn.checkedText', { date: fmt.date(bsn.check.checkedOn), method: t(`bsn.methods.${bsn.check.method}`), name: bsn.check.checkedByName })}
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
            {full && (
              <Button size="compact-sm" variant="default" onClick={() => { setDialog('set'); }} aria-label={t('bsn.changeFor', { name: subject.name })}>
                {t('bsn.change')}
              </Button>
            )}
          </Group>
        </>
      ) : (
        <Group gap="sm">
          <Text c="dimmed" size="sm">
            {t('bsn.none')}
          </Text>
          {full && (
            <Button size="compact-sm" variant="light" onClick={() => { setDialog('set'); }} aria-label={t('bsn.addFor', { name: subject.name })}>
              {t('bsn.add')}
            </Button>
          )}
        </Group>
      )}
      {dialog === 'set' && <SetBsnDialog {...subject} replacing={bsn !== null} onClose={close} />}
      {dialog === 'check' && <RecordCheckDialog {...subject} mustType={!full} onClose={close} />}
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
  const form = useApiForm({
    schema: contract['bsn.set'].input,
    defaultValues: { subject, id, bsn: '' },
    mutation: useApiMutation('bsn.set'),
    success: () => t('bsn.saved', { name }),
    onSuccess: onClose,
  });
  return (
    <FormDialog form={form} title={replacing ? t('bsn.changeTitle', { name }) : t('bsn.addTitle', { name })} onClose={onClose} size="md">
      {replacing && (
        <Alert color="blue" variant="light" p="sm">
          {t('bsn.changeExplanation')}
        </Alert>
      )}
      <TextField control={form.control} name="bsn" label={t('bsn.label')} description={t('bsn.description')} required inputMode="numeric" autoFocus />
    </FormDialog>
  );
}

// A type alias (not an interface): it must fit the shared schema's `Record<string, unknown>` input.
type CheckForm = {
  subject: BsnSubjectKind;
  id: string;
  method: CheckMethod | null;
  checkedOn: string;
  bsn: string;
};

/**
 * "BSN-controle vastleggen": THAT and HOW the BSN was checked (ID-bewijs van de ouder or the
 * SVB-brief for the child), and when. No document number, no copy — the form has no such field.
 * The BSN on the document is typed and compared by the backend (required for staff, who never see
 * the recorded one); the answer is only whether it matches.
 */
function RecordCheckDialog({ subject, id, name, mustType, onClose }: Subject & { mustType: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    // The shared schema refuses any document-number or copy field, whatever the form sends.
    schema: withFormShape<CheckForm>()(BsnCheckInput),
    defaultValues: { subject, id, method: null, checkedOn: appToday(), bsn: '' },
    mutation: useApiMutation('bsn.recordCheck'),
    success: () => t('bsn.checkSaved', { name }),
    onSuccess: onClose,
  });
  return (
    <FormDialog form={form} title={t('bsn.checkTitle', { name })} intro={<Text size="sm">{t('bsn.checkIntro')}</Text>} onClose={onClose} submitLabel={t('bsn.recordCheck')} size="md">
      <RadioField control={form.control} name="method" label={t('bsn.checkMethod')} required stacked autoFocus options={CHECK_METHODS.map((method) => ({ value: method, label: t(`bsn.methods.${method}`) }))} />
      <DateField control={form.control} name="checkedOn" label={t('bsn.checkedOn')} required />
      <TextField control={form.control} name="bsn" label={t('bsn.typedLabel')} description={t(mustType ? 'bsn.typedRequired' : 'bsn.typedOptional')} required={mustType} inputMode="numeric" autoComplete="off" />
      <Alert color="blue" variant="light" p="sm">
        {t('bsn.neverStored')}
      </Alert>
    </FormDialog>
  );
}
