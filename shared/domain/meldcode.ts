/**
 * Meldcode huiselijk geweld en kindermishandeling: the five steps a case file (meldcodedossier)
 * walks, the afwegingskader (weighing framework, questions Q1–Q5) and the retention of case files.
 * Pure rules shared by the backend (which enforces them) and the UI (which shows them as guidance).
 */

/**
 * Route: 'huiselijk' = a concern about the child's home situation (huiselijk geweld,
 * kindermishandeling); 'medewerker' = an employee is the suspect. On that route the consultation
 * of the vertrouwensinspecteur (Inspectie van het Onderwijs) replaces the conversation with the parent.
 */
export const MELDCODE_ROUTES = ['huiselijk', 'medewerker'] as const;
export type MeldcodeRoute = (typeof MELDCODE_ROUTES)[number];

export const ENTRY_KINDS = [
  'signal',
  'consultation',
  'parent_conversation',
  'parent_conversation_skipped',
  'vertrouwensinspecteur',
  'weighing',
  'decision',
  'correction',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export type MeldcodeStep = 1 | 2 | 3 | 4 | 5;
export const MELDCODE_STEPS: readonly MeldcodeStep[] = [1, 2, 3, 4, 5];

/** Which step of the meldcode an entry belongs to (a correction belongs to the entry it corrects). */
export const STEP_OF_KIND: Record<Exclude<EntryKind, 'correction'>, MeldcodeStep> = {
  signal: 1,
  consultation: 2,
  parent_conversation: 3,
  parent_conversation_skipped: 3,
  vertrouwensinspecteur: 3,
  weighing: 4,
  decision: 5,
};

/** The entry kinds of step 3 per route: parent conversation at home, vertrouwensinspecteur for an employee. */
export const STEP3_KINDS: Record<MeldcodeRoute, readonly EntryKind[]> = {
  huiselijk: ['parent_conversation', 'parent_conversation_skipped'],
  medewerker: ['vertrouwensinspecteur'],
};

/** The afwegingskader answers. Q2–Q5 are null when an earlier answer already settles the case. */
export interface WeighingAnswers {
  /** Q1: is er (nog steeds) een vermoeden? No: the case is closed. */
  q1Suspicion: boolean;
  /** Q2: is er sprake van acute of structurele onveiligheid? Yes: melden is verplicht. */
  q2Unsafe: boolean | null;
  /** Q3: kunnen wij hulp bieden of organiseren? */
  q3HelpPossible: boolean | null;
  /** Q4: aanvaarden de betrokkenen de hulp (werken zij mee)? */
  q4Cooperation: boolean | null;
  /** Q5: leidt de hulp tot duurzame veiligheid? null = nog niet te beoordelen. */
  q5LastingSafety: boolean | null;
}

/** Why the afwegingskader makes a report (melding) mandatory; null = organising help may suffice. */
export type ReportReason = 'q2_unsafe' | 'q3_no_help' | 'q4_no_cooperation' | 'q5_not_safe';

export function reportRequirement(w: WeighingAnswers): ReportReason | null {
  if (!w.q1Suspicion) return null;
  if (w.q2Unsafe) return 'q2_unsafe';
  if (w.q3HelpPossible === false) return 'q3_no_help';
  if (w.q4Cooperation === false) return 'q4_no_cooperation';
  if (w.q5LastingSafety === false) return 'q5_not_safe';
  return null;
}

/** Help, a report to Veilig Thuis, or both. */
export type DecisionOutcome = 'help' | 'report' | 'both';
export const includesReport = (outcome: DecisionOutcome) => outcome !== 'help';

/** The minimum the rules need to know about an entry. */
export interface EntryFacts {
  kind: EntryKind;
  weighing?: WeighingAnswers;
}

export interface CaseProgress {
  /** Per step: at least one entry recorded. */
  stepsDone: Record<MeldcodeStep, boolean>;
  /** The newest weighing counts (a new weighing replaces the earlier one). */
  latestWeighing: WeighingAnswers | null;
  reportRequired: ReportReason | null;
  /** Step 3 recorded in the form the route asks for. */
  step3Done: boolean;
}

/** Entries in recording order (oldest first). */
export function caseProgress(route: MeldcodeRoute, entries: readonly EntryFacts[]): CaseProgress {
  const stepsDone: Record<MeldcodeStep, boolean> = { 1: false, 2: false, 3: false, 4: false, 5: false };
  let latestWeighing: WeighingAnswers | null = null;
  for (const e of entries) {
    if (e.kind === 'correction') continue;
    stepsDone[STEP_OF_KIND[e.kind]] = true;
    if (e.kind === 'weighing' && e.weighing) latestWeighing = e.weighing;
  }
  const step3Done = entries.some((e) => STEP3_KINDS[route].includes(e.kind));
  return { stepsDone, latestWeighing, reportRequired: latestWeighing ? reportRequirement(latestWeighing) : null, step3Done };
}
