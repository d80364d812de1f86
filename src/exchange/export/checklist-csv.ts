import type { Kader } from '../../content/schema.ts';
import type { IncidentState } from '../../incidents/domain/incident-state.ts';
import { INCIDENT_KIND_LABEL, STEP_STATUS_LABEL } from '../../incidents/domain/labels.ts';
import { incidentTitle } from '../../incidents/domain/projection.ts';
import { TARGET_LABEL } from '../../model/labels.ts';
import { fullAddress } from './address-line.ts';
import { amsterdamDate, amsterdamDateTime } from './amsterdam-time.ts';
import { slug } from './file-name.ts';

/**
 * The checklist of one incident as CSV for Excel. Dutch Excel expects `;` between
 * fields (the comma is the decimal separator), so that is the separator; fields are
 * quoted per RFC 4180 when needed, lines end in CRLF, and a UTF-8 byte order mark lets
 * Excel read é and ë. A cell that starts with = + - @ (or a tab or carriage return)
 * gets a leading apostrophe, so a note cannot become a formula (CSV injection).
 * Times are Dutch wall-clock times ("01-03-2026 22:30"), whatever the device's zone.
 */

export const CSV_SEPARATOR = ';';
export const CSV_HEADER = [
  'Fase',
  'Stap-id',
  'Stap',
  'Status',
  'Reden',
  'Laatst gewijzigd op',
  'Door',
  'Aantekeningen',
];

export function incidentChecklistCsv(state: IncidentState, kader: Kader, now: Date = new Date()): string {
  const rows: string[][] = [...headerBlock(state, kader, now), [], CSV_HEADER];
  const listed = new Set<string>();
  for (const phase of kader.phases) {
    for (const step of phase.steps) {
      if (!step.targets.includes(state.details.target) && !state.steps[step.id]) continue;
      listed.add(step.id);
      rows.push(row(state, phase.title, step.id, step.title));
    }
  }
  // Steps set under an older framework that the current one no longer has: still part of the record.
  for (const stepId of Object.keys(state.steps).sort()) {
    if (!listed.has(stepId)) rows.push(row(state, stepId.split('.')[0] ?? '', stepId, ''));
  }
  return `\uFEFF${rows.map((cells) => cells.map(csvCell).join(CSV_SEPARATOR)).join('\r\n')}\r\n`;
}

/** What the file is about, above the table: a sheet printed on its own still says which incident it is. */
function headerBlock(state: IncidentState, kader: Kader, now: Date): string[][] {
  const { details } = state;
  const phase = kader.phases.find((candidate) => candidate.id === state.phase);
  return [
    ['Checklist', incidentTitle(details)],
    ['Soort', INCIDENT_KIND_LABEL[details.kind]],
    ['Doelwit', TARGET_LABEL[details.target]],
    ...(details.address ? [['Adres', fullAddress(details.address)]] : []),
    ...(details.locationDescription ? [['Locatie', details.locationDescription]] : []),
    ['Gemeente', details.municipality],
    ['Tijdstip incident', amsterdamDateTime(details.occurredAt)],
    ['Fase', phase?.title ?? state.phase],
    ['Status', state.status === 'gesloten' ? `Gesloten op ${amsterdamDateTime(state.closedAt)}` : 'Open'],
    ['Kader', `versie ${state.contentVersion}`],
    ['Gemaakt op', amsterdamDateTime(now.toISOString())],
    ['Tijden', 'Nederlandse tijd (Europe/Amsterdam)'],
  ];
}

function row(state: IncidentState, phase: string, stepId: string, title: string): string[] {
  const set = state.steps[stepId];
  const notes = state.notes
    .filter((note) => note.stepId === stepId && !note.withdrawn)
    .map((note) => note.text)
    .join('\n');
  return [
    phase,
    stepId,
    title,
    STEP_STATUS_LABEL[set?.status ?? 'open'],
    set?.reason ?? '',
    amsterdamDateTime(set?.at),
    set?.actor ?? '',
    notes,
  ];
}

/** "handelingskader-checklist-dorpsstraat-12a-utrecht-2026-03-01.csv": the place and the day of the incident. */
export function checklistCsvFileName(state: IncidentState): string {
  const { details } = state;
  const place = details.address
    ? [details.address.street, details.address.houseNumber, details.address.city || details.municipality].join(' ')
    : details.municipality;
  const date = new Date(details.occurredAt);
  const day = Number.isNaN(date.getTime()) ? '' : amsterdamDate(date);
  return `${['handelingskader-checklist', slug(place), day].filter(Boolean).join('-')}.csv`;
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
