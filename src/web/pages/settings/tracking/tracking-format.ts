/** How many traits a row shows before "+N more". */
const SHOWN_TRAITS = 3;

/**
 * A one-line summary of Segment traits for a table cell, e.g. `name: Acme · plan: Enterprise +2 more`;
 * objects and arrays show as JSON, long values are cut at 40 characters.
 */
export function summarizeTraits(traits: Record<string, unknown>): string {
  const entries = Object.entries(traits);
  if (entries.length === 0) return 'No traits';
  const shown = entries.slice(0, SHOWN_TRAITS).map(([key, value]) => `${key}: ${traitText(value)}`);
  const more = entries.length - SHOWN_TRAITS;
  return more > 0 ? `${shown.join(' · ')} +${more} more` : shown.join(' · ');
}

function traitText(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
