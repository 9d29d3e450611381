import { Badge, Button, Card, EmptyState, Group, SimpleGrid, Stack, Table, Text, TextInput, Textarea, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CloseComplaintInput, ComplaintInput, type Complaint } from '../../../../shared/api/retention.schemas';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { DateField } from '../children/common';
import { formatDate } from '../children/format';
import { useApiMutation } from '../../api/mutations';

const STATUS_COLOR = { open: 'orange', in_behandeling: 'blue', gesloten: 'gray' } as const;

/** Klachten: register, record the handling, close (which starts the 7-year retention period). */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const list = useQuery(apiQuery('complaints.list', {}));
  const [editing, setEditing] = useState<Complaint | 'new' | null>(null);
  const [closing, setClosing] = useState<Complaint | null>(null);
  return (
    <>
      <PageHeader title={t('complaints.title')} intro={t('complaints.intro')} actions={<Button onClick={() => { setEditing('new'); }}>{t('complaints.add')}</Button>} />
      <Card withBorder padding="lg">
        {list.isPending ? (
          <LoadingState minHeight={120} />
        ) : list.isError ? (
          <FormError message={errorMessage(list.error)} />
        ) : list.data.length === 0 ? (
          <EmptyState py="lg" title={t('complaints.noneTitle')} description={t('complaints.none')} />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm">
              <VisuallyHidden component="caption">{t('complaints.title')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('complaints.receivedOn')}</Table.Th>
                  <Table.Th scope="col">{t('complaints.subject')}</Table.Th>
                  <Table.Th scope="col">{t('complaints.complainant')}</Table.Th>
                  <Table.Th scope="col">{t('complaints.status')}</Table.Th>
                  <Table.Th scope="col">{t('staff.destroyedOn')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('complaints.edit')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{formatDate(c.receivedOn)}</Table.Td>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {c.subject}
                      </Text>
                      {c.resolution && (
                        <Text size="xs" c="dimmed">
                          {c.resolution}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{c.complainantName}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLOR[c.status]}>
                        {t(`complaints.statuses.${c.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDate(c.destructionDate)}</Table.Td>
                    <Table.Td>
                      {c.status !== 'gesloten' && (
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button size="xs" variant="default" onClick={() => { setEditing(c); }}>
                            {t('complaints.edit')}
                          </Button>
                          <Button size="xs" onClick={() => { setClosing(c); }}>
                            {t('complaints.close')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {editing && <ComplaintDialog complaint={editing === 'new' ? null : editing} onClose={() => { setEditing(null); }} />}
      {closing && <CloseDialog complaint={closing} onClose={() => { setClosing(null); }} />}
    </>
  );
}

type ComplaintForm = z.input<typeof ComplaintInput>;

function ComplaintDialog({ complaint, onClose }: { complaint: Complaint | null; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const defaults: ComplaintForm = complaint ? { ...complaint } : { receivedOn: '', complainantName: '', complainantContact: '', subject: '', description: '', handlingNotes: '' };
  const { register, control, handleSubmit, setError, formState } = useForm({ resolver: formResolver(ComplaintInput), defaultValues: defaults });
  const { errors } = formState;
  const save = useApiMutation('complaints.save', {
    onSuccess: (saved) => {
      notify({ title: t('common.saved'), message: t('complaints.saved', { subject: saved.subject }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['receivedOn', 'complainantName', 'complainantContact', 'subject', 'description', 'handlingNotes'])); },
  });
  return (
    <AppModal onClose={onClose} title={complaint ? t('complaints.edit') : t('complaints.add')} size="lg">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); save.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <SimpleGrid cols={2}>
            <DateField control={control} name="receivedOn" label={t('complaints.receivedOn')} required autoFocus />
            <TextInput label={t('complaints.subject')} withAsterisk autoComplete="off" {...register('subject')} error={errors.subject?.message} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput label={t('complaints.complainant')} withAsterisk autoComplete="off" {...register('complainantName')} error={errors.complainantName?.message} />
            <TextInput label={t('complaints.contact')} autoComplete="off" {...register('complainantContact')} error={errors.complainantContact?.message} />
          </SimpleGrid>
          <Textarea label={t('complaints.description')} withAsterisk autosize minRows={3} {...register('description')} error={errors.description?.message} />
          <Textarea label={t('complaints.handling')} autosize minRows={2} {...register('handlingNotes')} error={errors.handlingNotes?.message} />
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

function CloseDialog({ complaint, onClose }: { complaint: Complaint; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm({ resolver: formResolver(CloseComplaintInput), defaultValues: { id: complaint.id, closedOn: '', resolution: '' } });
  const close = useApiMutation('complaints.close', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('complaints.closed') });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['closedOn', 'resolution'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('complaints.closeTitle')} size="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); close.mutate(input); })(event)}>
        <Stack gap="md">
          <Text size="sm">{t('complaints.closeIntro')}</Text>
          <FormError message={formError} />
          <DateField control={control} name="closedOn" label={t('complaints.closedOn')} required autoFocus maw={180} />
          <Textarea label={t('complaints.resolution')} withAsterisk autosize minRows={3} {...register('resolution')} error={formState.errors.resolution?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={close.isPending}>
              {t('complaints.close')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
