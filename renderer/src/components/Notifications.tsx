import { Notification, Stack } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Small toast messages ("Opgeslagen"). @mantine/notifications is not part of the stack, so this
 * uses core's Notification inside one polite live region that is always in the DOM.
 */
interface Toast {
  id: number;
  message: string;
  title?: string | undefined;
  color: 'green' | 'red' | 'blue';
}
type Notify = (toast: Omit<Toast, 'id' | 'color'> & { color?: Toast['color'] }) => void;

const NotifyContext = createContext<{ notify: Notify; clear: () => void }>({
  notify: () => undefined,
  clear: () => undefined,
});
let nextId = 1;
const VISIBLE_MS = 5_000;

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => { setToasts((list) => list.filter((toast) => toast.id !== id)); }, []);
  const notify = useCallback<Notify>(
    (toast) => {
      const id = nextId++;
      setToasts((list) => [...list.slice(-3), { id, color: 'green', ...toast }]);
      setTimeout(() => { dismiss(id); }, VISIBLE_MS);
    },
    [dismiss],
  );
  const clear = useCallback(() => {
    setToasts([]);
  }, []);
  const value = useMemo(() => ({ notify, clear }), [notify, clear]);
  return (
    <NotifyContext value={value}>
      {children}
      <Stack
        role="status"
        aria-live="polite"
        gap="xs"
        pos="fixed"
        // Top right, under the header: at the bottom the toasts covered the last table rows and their buttons.
        top={76}
        right={16}
        w={360}
        style={{ zIndex: 400, pointerEvents: toasts.length ? 'auto' : 'none' }}
      >
        {toasts.map((toast) => (
          <Notification
            key={toast.id}
            color={toast.color}
            title={toast.title}
            withBorder
            onClose={() => { dismiss(toast.id); }}
            closeButtonProps={{ 'aria-label': t('common.close') }}
            // Mantine greys the text under a title (gray-6, below 4.5:1 contrast).
            styles={{ description: { color: 'var(--mantine-color-gray-8)' } }}
          >
            {toast.message}
          </Notification>
        ))}
      </Stack>
    </NotifyContext>
  );
}

export const useNotify = () => useContext(NotifyContext).notify;
/** Drops all messages (on lock: nothing of the session stays on screen). */
export const useClearNotifications = () => useContext(NotifyContext).clear;
