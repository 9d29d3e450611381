import { useMutation } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/api/contract';
import { call, type ApiCallError } from '../../api/client';
import { queryClient } from '../../api/queries';

/** A user-changing call; afterwards the user list and the security overview are refetched. */
export function useUserMutation<M extends 'users.create' | 'users.update' | 'users.resetPassword' | 'users.setActive'>(method: M) {
  return useMutation<MethodOutput<M>, ApiCallError, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => {
      for (const key of ['users.list', 'security.status'] satisfies MethodName[]) {
        void queryClient.invalidateQueries({ queryKey: [key] });
      }
    },
  });
}
