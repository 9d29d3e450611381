/** Photo/film consent purposes (doelen) from the privacy statement, with the plain explanation printed on the form. */
export const PURPOSES = ['ouderportaal', 'nieuwsbrief', 'interne_training', 'website_social'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const PURPOSE_LABEL: Record<Purpose, string> = {
  ouderportaal: 'Ouderportaal',
  nieuwsbrief: 'Nieuwsbrieven',
  interne_training: 'Interne training',
  website_social: 'Website en social media',
};

export const PURPOSE_EXPLANATION: Record<Purpose, string> = {
  ouderportaal: 'Foto’s en filmpjes van de dag in het beveiligde ouderportaal, alleen te zien voor ouders en medewerkers.',
  nieuwsbrief: 'Foto’s in nieuwsbrieven die naar de ouders van de locatie gaan.',
  interne_training: 'Beelden die alleen intern worden gebruikt om medewerkers te trainen.',
  website_social: 'Beelden op onze website en in externe uitingen zoals Facebook, LinkedIn en andere sociale media, om te laten zien welke activiteiten wij bieden.',
};

export const CHANNEL_LABEL = { signed_form: 'Ondertekend formulier', parent_portal: 'Ouderportaal', email: 'E-mail' } as const;

/** Where a child may appear for one purpose: the three columns of the photo roster. */
export type PhotoPermission = 'recognisable' | 'unrecognisable' | 'no';

/** Default is no. Given without "recognisable" means: only not recognisable in the picture. */
export function photoPermission(current: { decision: 'given' | 'withdrawn'; recognisable: boolean } | undefined): PhotoPermission {
  if (!current || current.decision !== 'given') return 'no';
  return current.recognisable ? 'recognisable' : 'unrecognisable';
}
