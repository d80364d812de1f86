export const ROLES = ['coordinator', 'adviseur', 'meelezer'] as const;
export type Role = (typeof ROLES)[number];

/** A coordinator can invite only these; the first coordinator comes from the server command. */
export const INVITABLE_ROLES = ['coordinator', 'adviseur', 'meelezer'] as const satisfies readonly Role[];

/** `meelezer` reads only (the mayor's office, a jurist): no push, no share. Purging is the coordinator's alone. */
export function canWrite(role: Role): boolean {
  return role !== 'meelezer';
}

export interface Device {
  id: number;
  teamId: number;
  installationId: string;
  name: string;
  role: Role;
}
