import { Anchor, type AnchorProps } from '@mantine/core';

/** A phone number that dials (tel: with only digits and +), or "—" when there is none. */
export function PhoneLink({ phone, label, ...props }: { phone: string | null; label?: string } & AnchorProps) {
  if (!phone) return '—';
  return (
    <Anchor href={`tel:${phone.replace(/[^0-9+]/g, '')}`} aria-label={label} {...props}>
      {phone}
    </Anchor>
  );
}
