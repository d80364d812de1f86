import type { Kader } from '../../content/schema.ts';
import type { IncidentState } from '../../incidents/domain/incident-state.ts';

/**
 * The checklist of one incident as CSV for Excel. Dutch Excel expects `;` between
 * fields (the comma is the decimal separator), so that is the separator; fields are
 * quoted per RFC 4180 when needed, lines end in CRLF, and a UTF-8 byte order mark lets
 * Excel read é and ë. A cell that starts with = + - @ (or a tab or carriage return)
 * gets a leading apostrophe, so a note cannot become a formula (CSV injection).
 */

export const CSV_SEPARATOR = ';';
const HEADER = ['Fase', 'Stap-id', 'Stap', 'Status', 'Reden', 'Laatst gewijzigd op', 'Door', 'Aantekeningen'];

export function incidentChecklistCsv(state: IncidentState, kader: Kader): string {
  const rows: string[][] = [HEADER];
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

function row(state: IncidentState, phase: string, stepId: string, title: string): string[] {
  const set = state.steps[stepId];
  const notes = state.notes
    .filter((note) => note.stepId === stepId && !note.withdrawn)
    .map((note) => note.text)
    .join('\n');
  return [phase, stepId, title, set?.status ?? 'open', set?.reason ?? '', set?.at ?? '', set?.actor ?? '', notes];
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
