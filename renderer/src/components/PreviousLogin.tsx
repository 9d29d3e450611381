import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format';
import { Detail } from './Section';

/** "Vorige keer ingelogd" in a DataList, with the hint to report a login that was not yours. */
export function PreviousLogin({ at }: { at: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Detail label={t('previousLogin.label')}>
      <div data-testid="previous-login">
        {at ? fmt.dateTimeLong(at) : t('previousLogin.first')}
        {at && (
          <Text size="xs" c="dimmed">
            {t('previousLogin.help')}
          </Text>
        )}
      </div>
    </Detail>
  );
}
