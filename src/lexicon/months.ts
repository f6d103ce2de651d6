export const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;

export const MONTH_PATTERN =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

export function monthNumber(name: string): number | null {
  const key = name.toLowerCase().slice(0, 3);
  const i = MONTHS.findIndex((m) => m.startsWith(key));
  return i < 0 ? null : i + 1;
}
