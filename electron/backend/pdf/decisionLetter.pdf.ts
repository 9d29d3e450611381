import { BACKUP_ROTATION } from '../../../shared/api/backup.contract';
import type { CategoryRetention, Decision } from '../../../shared/api/requests.schemas';
import { nlDate } from '../../../shared/domain/dates';
import { REQUEST_KIND_LABEL, type RequestKind } from '../../../shared/domain/requests';
import { writeComplaint, writeRights, type Whose } from './accessReport.pdf';
import { LetterWriter, type LetterHead } from '../../../shared/pdf/letter';

/** What happens to erased data in the backups (rotation by calendar age, re-destruction on a restore). */
const BACKUP_TEXT = `Van onze database maken wij versleutelde back-ups. Wat wij verwijderen, kan daarin nog ten hoogste ${BACKUP_ROTATION.weekly} weken staan; oudere back-ups worden automatisch verwijderd. Moeten wij in die tijd een back-up terugzetten, dan verwijdert de app uw gegevens opnieuw voordat de database weer wordt gebruikt.`;

export interface DecisionLetterData {
  head: LetterHead;
  kind: RequestKind;
  receivedOn: string;
  extension: { months: number; reason: string } | null;
  decision: Decision;
  signedBy: string;
  /** A request about a child: the rights are named as the child's, exercised by the parent. */
  whose?: Whose;
}

const OUTCOME_TEXT: Record<Decision['outcome'], string> = {
  granted: 'Wij hebben uw verzoek toegewezen.',
  partially_granted: 'Wij hebben uw verzoek gedeeltelijk toegewezen.',
  refused: 'Wij hebben uw verzoek afgewezen.',
};

/** Why and until when a category is kept, as a refusal must say it (rule, legal basis, end date). */
function keptText(c: CategoryRetention): string {
  const until = c.keptUntil ? `bewaard tot ${nlDate(c.keptUntil)}${c.note ? ` (${c.note})` : ''}` : (c.note ?? 'zonder vaste einddatum');
  return `${c.label}: ${c.rule}; ${until}. Grondslag: ${c.legalBasis}.`;
}

/** Besluit op een AVG-verzoek: the outcome, what was erased, what is kept and why until when, and the right to complain. */
export async function renderDecisionLetter(resourcesDir: string, data: DecisionLetterData): Promise<Buffer> {
  const letter = new LetterWriter(resourcesDir, data.head);
  letter.paragraph(`Op ${nlDate(data.receivedOn)} ontvingen wij uw verzoek (${REQUEST_KIND_LABEL[data.kind].toLowerCase()}) op grond van de Algemene verordening gegevensbescherming (AVG). Met deze brief laten wij u weten wat wij hebben besloten.`);
  if (data.extension) {
    letter.paragraph(`Wij hebben de termijn voor ons antwoord met ${data.extension.months} ${data.extension.months === 1 ? 'maand' : 'maanden'} verlengd. Reden: ${data.extension.reason}`);
  }
  letter.heading('Ons besluit').paragraph(OUTCOME_TEXT[data.decision.outcome]);
  if (data.decision.reason) letter.paragraph(`Toelichting: ${data.decision.reason}`);

  if (data.kind === 'erasure') {
    letter.heading('Wat wij hebben verwijderd');
    if (data.decision.erased.length === 0) letter.paragraph('Op dit moment konden wij nog geen gegevens verwijderen.');
    for (const c of data.decision.erased) letter.bullet(c.label);
    letter.heading('Wat wij nog bewaren, waarom en tot wanneer');
    if (data.decision.kept.length === 0) letter.paragraph('Wij bewaren geen gegevens meer over u.');
    else letter.paragraph('Deze gegevens mogen of moeten wij nog bewaren. Wij verwijderen ze zodra de termijn voorbij is, zonder dat u het opnieuw hoeft te vragen.');
    for (const c of data.decision.kept) letter.bullet(keptText(c));
    letter.paragraph(BACKUP_TEXT);
  }
  if (data.decision.objections.length > 0) {
    letter.heading('Uw bezwaar, per verwerking');
    letter.paragraph('U maakte bezwaar tegen het gebruik van uw gegevens op grond van ons gerechtvaardigd belang (AVG artikel 21). Per verwerking ons besluit:');
    for (const o of data.decision.objections) {
      letter.bullet(o.outcome === 'upheld' ? `${o.label}: bezwaar gehonoreerd. ${o.effect ?? ''}` : `${o.label}: bezwaar afgewezen. Onze redenen: ${o.reason ?? ''}`);
    }
  }
  if (data.decision.corrections > 0) letter.paragraph(`Wij hebben ${data.decision.corrections} ${data.decision.corrections === 1 ? 'gegeven' : 'gegevens'} verbeterd of aangevuld. De oude waarde bewaren wij in de geschiedenis.`);
  if (data.decision.informedRecipients.length > 0) {
    letter.heading('Ontvangers die wij informeren');
    letter.paragraph('Wij laten de volgende ontvangers aan wie wij uw gegevens eerder verstrekten weten wat er is veranderd (AVG artikel 19):');
    for (const r of data.decision.informedRecipients) letter.bullet(r);
  }

  writeRights(letter, data.whose);
  writeComplaint(letter, data.whose);
  letter.signature(data.signedBy, 'Locatiemanager');
  return letter.finish();
}
