import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine Modal with a labelled close button; focus goes to the element with data-autofocus. */
export function AppModal(props: Omit<ModalProps, 'opened'> & { opened?: boolean }) {
  const { t } = useTranslation();
  return <Modal opened size="lg" closeButtonProps={{ 'aria-label': t('common.close') }} {...props} />;
}
