import type { StepKind, Target, TimeWindowId } from './vocabulary.ts';

export const TARGET_LABEL: Record<Target, string> = { woning: 'Woning', bedrijf: 'Bedrijf', voertuig: 'Voertuig' };

export const KIND_LABEL: Record<StepKind, string> = {
  bestuurlijk: 'Bestuurlijk',
  praktisch: 'Praktisch',
  nazorg: 'Nazorg',
  communicatie: 'Communicatie',
};

export const TIME_WINDOW_LABEL: Record<TimeWindowId, string> = {
  'eerste-uur': 'Eerste uur',
  'eerste-dag': 'Eerste dag',
  'eerste-week': 'Eerste week',
};
