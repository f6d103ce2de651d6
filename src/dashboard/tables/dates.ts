/** Dates as councils count them. */

/**
 * The municipal year a meeting falls in: councils' years run from May (the annual meeting) to
 * April. `2025-11-04` is in 2025/26, `2026-02-10` too, `2025-04-30` in 2024/25. A month alone is
 * enough; null when the date is not known.
 */
export function municipalYear(date: string | null): string | null {
  const m = date ? /^(\d{4})-(\d{2})/.exec(date) : null;
  if (!m) return null;
  const year = Number(m[1]);
  const start = Number(m[2]) >= 5 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** `2025-26`, for ids and file names. */
export const yearSlug = (year: string): string => year.replace('/', '-');
