/**
 * Numbers as a Dutch reader expects them: "10.241,2 MB", "1 incident", "2 incidenten".
 * One place, so no screen writes "10241.2" or "incident(en)" again.
 */

const decimal1 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

export function formatNumber(n: number): string {
  return whole.format(n);
}

/** Bytes in megabytes with one decimal: 10.739.240.550 → "10.241,9 MB". */
export function formatMegabytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return 'onbekend';
  return `${decimal1.format(bytes / 1024 / 1024)} MB`;
}

/** "1 incident", "3 incidenten", "1.200 incidenten": the count in Dutch format with the right form. */
export function countOf(n: number, singular: string, plural: string): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}
