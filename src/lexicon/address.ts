/**
 * How English, Scottish, Welsh and Northern Irish minutes address people: forms of address
 * ("Councillor", "Cllr", "Mrs"), offices used as titles ("Mayor", "Provost", "Alderman"),
 * police and fire ranks, and the honours written after a name ("OBE", "JP"). The name grammar
 * (src/extract/names.ts) reads a person as: title or office, given names or initials, surname,
 * honours.
 */

/** Forms of address, as printed (case-sensitive), longest first where one starts another. */
export const FORMS_OF_ADDRESS = [
  'County Councillor', 'County Cllr', 'Councillor', 'Councilor', 'Cllr', 'Cr',
  'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Professor', 'Sir', 'Dame', 'Lord', 'Lady',
  'Baroness', 'Baron', 'Rt Hon', 'Right Honourable', 'The Rt Hon', 'Hon', 'Revd', 'Rev',
  'Reverend', 'The Revd', 'The Reverend', 'Canon', 'Father', 'Fr', 'Rabbi', 'Imam', 'Pastor',
] as const;

/**
 * Plural forms that head a list of names ("Councillors Barker, Ogg and Wilson", "Aldermen H
 * Dunlop and W J Rankin", "County Borough Councillors: D. Price …"), each with the title every
 * entry after it takes.
 */
export const PLURAL_TITLES: Readonly<Record<string, string>> = {
  'County Borough Councillors': 'Councillor', 'County Councillors': 'Councillor', 'Borough Councillors': 'Councillor',
  'District Councillors': 'Councillor', 'City Councillors': 'Councillor', 'Town Councillors': 'Councillor',
  'Parish Councillors': 'Councillor', 'Community Councillors': 'Councillor',
  Councillors: 'Councillor', Councilors: 'Councillor', Cllrs: 'Councillor',
  Aldermen: 'Alderman', Bailies: 'Bailie', Verderers: 'Verderer',
  Messrs: 'Mr', Mesdames: 'Mrs', Drs: 'Dr',
};
export const PLURAL_FORMS = Object.keys(PLURAL_TITLES);

/**
 * Offices written as a title before a name ("Mayor K Brand", "Provost Morag Lindsay",
 * "Deputy Jo Hale" in the City of London, "Commissioner Rye"). The first group are posts, so
 * the person holds that role; the second are ranks or dignities that are not a post.
 */
export const OFFICE_TITLES_HELD = [
  'Lord Mayor', 'Deputy Lord Mayor', 'Deputy Mayor', 'Mayor', 'Lady Mayoress', 'Mayoress',
  'Lord Provost', 'Depute Provost', 'Provost', 'Lord Lieutenant', 'Deputy Lieutenant',
  'High Sheriff', 'Sheriff', 'Chairman', 'Chairwoman', 'Convener', 'Convenor',
] as const;
export const OFFICE_TITLES_RANK = [
  'Alderman', 'Alderwoman', 'Bailie', 'Verderer', 'Deputy', 'Commissioner', 'Common Councilman',
  'Freeman', 'Judge',
] as const;

/** Police and fire ranks used as titles: the rank is also the post the person holds. */
export const RANKS = [
  'Chief Constable', 'Deputy Chief Constable', 'Assistant Chief Constable',
  'Chief Superintendent', 'Detective Chief Superintendent', 'Detective Superintendent',
  'Superintendent', 'Detective Chief Inspector', 'Chief Inspector', 'Detective Inspector',
  'Inspector', 'Detective Sergeant', 'Sergeant', 'Police Constable', 'Detective Constable',
  'Constable', 'PC', 'PCSO', 'DCI', 'DI', 'DS', 'Supt', 'Ch Supt', 'Chief Insp',
  'Area Manager', 'Group Manager', 'Station Manager', 'Watch Manager', 'Crew Manager',
  'Chief Fire Officer', 'Deputy Chief Fire Officer', 'Assistant Chief Fire Officer', 'Commander',
  'Group Commander',
] as const;

/** Honours and post-nominals written after a name: not part of it. */
export const HONOURS = [
  'OBE', 'MBE', 'CBE', 'KBE', 'DBE', 'BEM', 'JP', 'DL', 'AM', 'MS', 'MP', 'MSP', 'MLA', 'MEP',
  'QPM', 'QFSM', 'QC', 'KC', 'PhD', 'FRCP', 'FRCS', 'FRCGP', 'MRCGP', 'FCA', 'CPFA', 'MA', 'BA',
  'MSc', 'BSc', 'LLB', 'RGN', 'RMN', 'KStJ', 'OStJ', 'GM', 'VC', 'CVO', 'LVO', 'MVO', 'KCB', 'CB',
] as const;

/** Lower-case particles inside surnames ("Van der Berg", "de Souza", "bin Hamid"). */
export const NAME_PARTICLES = ['van', 'de', 'der', 'den', 'von', 'da', 'di', 'du', 'le', 'la', 'del', 'della', 'bin', 'binti', 'al', 'el', 'ap', 'ab', 'ter', 'ten', 'dos', 'das'] as const;

/** Courtesy titles that may follow "Councillor" ("Councillor Mrs Bromby"). */
export const COURTESY = ['Mrs', 'Mr', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Sir', 'Dame', 'Lady', 'Lord'] as const;

const councillor = /^(?:County\s+)?(?:Councillor|Councilor|Cllr|Cr)s?\.?$/i;

/** The canonical form of a title as printed: "Cllr" and "County Councillor" are "Councillor". */
/** Titles recur on every page: each spelling's answer is kept (emptied when large). */
const CANONICAL = new Map<string, string>();

export function canonicalTitle(raw: string): string {
  let c = CANONICAL.get(raw);
  if (c === undefined) {
    c = canonicalTitleOf(raw);
    if (CANONICAL.size >= 10_000) CANONICAL.clear();
    CANONICAL.set(raw, c);
  }
  return c;
}

function canonicalTitleOf(raw: string): string {
  const t = raw.replace(/\.$/, '').replace(/\s+/g, ' ').trim();
  if (councillor.test(t)) return 'Councillor';
  if (/^prof$/i.test(t)) return 'Professor';
  if (/^(?:the\s+)?(?:rev|revd|reverend)$/i.test(t)) return 'Revd';
  return t;
}

export function isCouncillorTitle(raw: string): boolean {
  return councillor.test(raw.replace(/\s+/g, ' ').trim());
}

const HELD = new Set<string>(OFFICE_TITLES_HELD);
const RANK_SET = new Set<string>(RANKS);

/** Is this title a post the person holds ("Mayor", "Chief Inspector"), not just a form of address? */
export function titleIsPost(title: string): boolean {
  return HELD.has(title) || RANK_SET.has(title);
}

export const HONOUR_SET: ReadonlySet<string> = new Set(HONOURS);
export const PARTICLE_SET: ReadonlySet<string> = new Set(NAME_PARTICLES);
