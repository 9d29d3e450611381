import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { call, saveFile, type ApiCallError } from '../api/client';
import { useNotify } from '../components/Notifications';
import { refreshAfter } from '../api/mutations';

/** API methods that produce a file (PDF or CSV) as `{ fileName, base64 }`. */
type FileMethod = { [M in MethodName]: MethodOutput<M> extends { fileName: string; base64: string } ? M : never }[MethodName];

/**
 * Has the backend produce a file and saves it the way every PDF of the app is offered: Electron
 * asks where to save it, the browser downloads it. Exports also add a line to the
 * verstrekkingenregister, so the data on screen are refreshed afterwards. The toast names the file
 * unless `message` says more (e.g. that a printed case file is confidential).
 */
export function useFileDownload<M extends FileMethod>(method: M, options: { message?: string } = {}) {
  const { t } = useTranslation();
  const notify = useNotify();
  return useMutation<{ file: MethodOutput<M>; saved: boolean }, ApiCallError, MethodInput<M>>({
    mutationFn: async (input) => {
      const file = await call(method, input);
      // FileMethod guarantees these two fields; TypeScript cannot resolve MethodOutput<M> for a generic M.
      const { fileName, base64 } = file as { fileName: string; base64: string };
      return { file, saved: await saveFile(fileName, base64) };
    },
    onSuccess: ({ file, saved }) => {
      void refreshAfter(method);
      if (!saved) return;
      notify({ title: t('files.savedTitle'), message: options.message ?? t('files.saved', { fileName: (file as { fileName: string }).fileName }) }); // see above
    },
  });
}
