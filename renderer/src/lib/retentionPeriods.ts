import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DEFAULT_POLICIES, type PolicyKey } from '../../../shared/domain/retention';
import { apiQuery } from '../api/queries';
import { useCan } from './session';

/**
 * Texts that name a retention period read the policy in force (head office can change it), not a
 * number in the catalogue: `period('complaint')` → "7 jaar" / "7 years". Until the policies are
 * loaded, or for a user who may not read them, the privacy statement's default is shown.
 */
export function usePolicyPeriod(): (key: PolicyKey) => string {
  const { t } = useTranslation();
  const mayRead = useCan()('retention.manage');
  const policies = useQuery({ ...apiQuery('retention.policies', {}), enabled: mayRead });
  return (key) => {
    const policy = policies.data?.find((p) => p.key === key) ?? DEFAULT_POLICIES.find((p) => p.key === key);
    if (!policy) return '';
    return policy.periodAmount === 0 ? t('retention.period.immediately') : t(`retention.period.${policy.periodUnit}`, { count: policy.periodAmount });
  };
}
