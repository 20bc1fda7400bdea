/**
 * A timestamp as an ISO string for API answers. Raw SQL rows hold a Date (node-postgres) or a string
 * (PGlite), so both are taken; null stays null.
 */
export function iso(d: Date | string): string;
export function iso(d: Date | string | null | undefined): string | null;
export function iso(d: Date | string | null | undefined): string | null {
  return d == null ? null : new Date(d).toISOString();
}
