/**
 * The fixed vocabularies of the content model. Kept apart from schema.ts so the app
 * can use them without bundling the validation library.
 */
export const PHASE_IDS = ['preventie', 'dreiging', 'direct-na', 'nazorg'] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

export const TIME_WINDOW_IDS = ['eerste-uur', 'eerste-dag', 'eerste-week'] as const;
export type TimeWindowId = (typeof TIME_WINDOW_IDS)[number];

export const STEP_KINDS = ['bestuurlijk', 'praktisch', 'nazorg', 'communicatie'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const TARGETS = ['woning', 'bedrijf', 'voertuig'] as const;
export type Target = (typeof TARGETS)[number];
