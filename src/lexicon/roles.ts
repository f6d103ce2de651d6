/**
 * The vocabulary of posts and organisations in English local government. It tells a job title
 * ("Joint Assistant Director for Commissioning and Performance") from a person's name, and a
 * partner organisation ("Northern Lincolnshire & Goole NHS Foundation Trust") from a post.
 */

/** Words that head a post. A phrase containing one (capitalised) reads as a role. */
export const ROLE_HEADS = new Set(
  [
    'director', 'manager', 'officer', 'lead', 'leader', 'member', 'chair', 'chairman', 'chairwoman',
    'chairperson', 'vice-chair', 'vice-chairman', 'executive', 'nurse', 'advisor', 'adviser',
    'auditor', 'co-ordinator', 'coordinator', 'co-optee', 'mayor', 'peer', 'commissioner', 'clerk',
    'consultant', 'analyst', 'specialist', 'principal', 'practitioner', 'representative',
    'governor', 'headteacher', 'head', 'superintendent', 'inspector', 'constable', 'champion',
    'worker', 'secretary', 'solicitor', 'accountant', 'treasurer', 'president', 'trustee',
    'facilitator', 'engineer', 'planner', 'surveyor', 'librarian', 'ombudsman', 'coroner',
    'deputy', 'assistant', 'administrator', 'controller', 'partner', 'teacher', 'doctor',
    'psychologist', 'therapist', 'economist', 'architect', 'steward', 'warden', 'ranger',
    'supervisor', 'chief', 'guardian', 'editor', 'portfolio-holder', 'holder', 'cabinet',
    'spokesperson', 'spokesman', 'spokeswoman', 'whip', 'convener', 'convenor', 'provost', 'bailie',
    'ceo', 'cfo', 'coo', 'employee', 'volunteer', 'patron', 'founder', 'author', 'interpreter',
    'prescriber', 'mentee', 'mentor', 'observer', 'co-optee', 'ambassador', 'apprentice', 'fellow',
    'gp', 'commander', 'registrar', 'scrutineer', 'lawyer', 'barrister', 'pharmacist', 'dentist',
    'midwife', 'paramedic', 'chaplain', 'participant', 'auditor', 'investigator', 'examiner',
  ],
);

/** Words that qualify a post ("Joint", "Interim", "Senior"). */
export const ROLE_MODIFIERS = new Set([
  'joint', 'interim', 'acting', 'senior', 'principal', 'deputy', 'assistant', 'executive',
  'strategic', 'service', 'chief', 'corporate', 'independent', 'lead', 'head', 'associate',
  'programme', 'project', 'divisional', 'area', 'operational', 'clinical', 'medical', 'virtual',
]);

/** Words that end the name of an organisation or a body. */
export const ORG_HEADS = new Set([
  'council', 'board', 'commission', 'committee', 'sub-committee', 'subcommittee', 'panel', 'forum',
  'partnership', 'trust', 'group', 'sub-group', 'service', 'services', 'team', 'unit', 'agency',
  'authority', 'directorate', 'department', 'office', 'school', 'college', 'university', 'police',
  'hospital', 'foundation', 'charity', 'association', 'network', 'cabinet', 'executive', 'ltd',
  'limited', 'plc', 'ccg', 'icb', 'nhs', 'alliance', 'assembly', 'inspectorate', 'centre',
  'academy', 'hub', 'hubs', 'collaborative', 'consortium', 'society', 'union', 'project',
]);

/** Places that follow a name-like phrase ("Eric Manns Building"): the phrase is not a person. */
export const PLACE_HEADS = new Set([
  'building', 'house', 'hall', 'centre', 'center', 'street', 'road', 'lane', 'avenue', 'park',
  'square', 'way', 'court', 'close', 'place', 'library', 'museum', 'stadium', 'cemetery',
  'crematorium', 'chapel', 'church', 'station', 'room', 'chamber', 'gardens', 'green', 'woodhouse',
  'estate', 'bridge', 'wharf', 'quay', 'market', 'theatre', 'cinema', 'arena',
]);

/** Capitalised words that begin sentences or headings and are never part of a name. */
export const NON_NAME_WORDS = new Set([
  'the', 'this', 'that', 'these', 'those', 'there', 'it', 'its', 'he', 'she', 'they', 'we', 'a',
  'an', 'and', 'or', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'as', 'all',
  'any', 'some', 'each', 'every', 'no', 'not', 'resolved', 'minutes', 'minute', 'agenda', 'item',
  'items', 'report', 'reports', 'update', 'strategy', 'policy', 'plan', 'programme', 'children',
  'young', 'people', 'adult', 'adults', 'care', 'social', 'education', 'health', 'housing',
  'local', 'national', 'public', 'press', 'members', 'councillors', 'councillor', 'cllr',
  'officers', 'tel', 'email', 'e-mail', 'contact', 'venue', 'link', 'note', 'page', 'appendix',
  'section', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'following', 'further', 'also', 'in', 'during', 'after',
  'before', 'following', 'key', 'overall', 'annual', 'draft', 'new', 'final', 'vision',
  'background', 'introduction', 'progress', 'overview', 'challenges', 'opportunities', 'next',
  'questions', 'declarations', 'apologies', 'urgent', 'business', 'work', 'exclusion', 'special',
  'educational', 'needs', 'send', 'safeguarding', 'family', 'families', 'help', 'early', 'years',
  'school', 'schools', 'mental', 'voice', 'influence', 'independent', 'reviewing', 'good',
  'outstanding', 'inadequate', 'requires', 'improvement', 'quality', 'assurance', 'performance',
  'intelligence', 'commissioning', 'transformation', 'sufficiency', 'government', 'department',
  'fostering', 'foster', 'looked', 'after', 'leavers', 'leaver', 'domestic', 'abuse', 'pdf', 'kb',
  'cabinet', 'select', 'scrutiny', 'overview', 'management', 'chair', 'chairman', 'vice-chair',
  'deputy', 'leader', 'member', 'director', 'head', 'manager', 'officer', 'lead', 'chief',
  'senior', 'joint', 'interim', 'assistant', 'executive', 'strategic', 'service', 'services',
  'council', 'board', 'commission', 'committee', 'panel', 'forum', 'partnership', 'trust',
  'borough', 'county', 'city', 'metropolitan', 'district', 'town', 'parish', 'ward', 'wards',
  'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'when',
  'where', 'which', 'who', 'what', 'how', 'why', 'if', 'but', 'so', 'yes', 'thanks', 'thank',
  'welcome', 'welcomes', 'consideration', 'discussion', 'information', 'data', 'total', 'ofsted',
  'neurodivergent', 'rights', 'life', 'my', 'our', 'your', 'his', 'her', 'their', 'one', 'two',
]);

export function isOrgHead(word: string): boolean {
  return ORG_HEADS.has(word.toLowerCase());
}

/** Does this phrase read as a post ("Head of Service", "SEND Transformation Project Lead")? */
export function looksLikeRole(phrase: string): boolean {
  const words = phrase.replace(/[(),.]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 24) return false;
  const first = words[0]!;
  if (!/^[A-Z]/.test(first) && !/^(the|a|an)$/i.test(first)) return false;
  return words.some((w) => /^[A-Z]/.test(w) && ROLE_HEADS.has(w.toLowerCase()));
}

/** Does this phrase read as an organisation or body rather than a post? */
export function looksLikeOrg(phrase: string): boolean {
  const words = phrase.replace(/[(),.]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  const last = words[words.length - 1]!.toLowerCase();
  if (ORG_HEADS.has(last)) return true;
  return orgHeadFirst(phrase) || (/^[A-Z]{2,6}$/.test(words[words.length - 1]!) && words.length <= 2);
}

/**
 * "Office of the Police and Crime Commissioner", "Department for Education": an organisation
 * whose head word comes first, even when a post ("Commissioner") ends it.
 */
export function orgHeadFirst(phrase: string): boolean {
  const m = /^(?:the\s+)?([A-Z][a-z]+)\s+(?:of|for)\s+\S/.exec(phrase.trim());
  return m !== null && ORG_HEADS.has(m[1]!.toLowerCase());
}

/**
 * Heads of the capacities people declare or hold outside the body, written in either case:
 * "as a governor of …", "an employee of …", "founder trustee of …", "CEO of …".
 */
export const CAPACITY_HEADS = [
  'governor', 'governors', 'trustee', 'director', 'non-executive director', 'member', 'employee', 'chair', 'chairman',
  'chairwoman', 'chairperson', 'vice-chair', 'vice chair', 'deputy chair', 'ceo', 'chief executive', 'president',
  'vice-president', 'secretary', 'treasurer', 'partner', 'volunteer', 'patron', 'shareholder', 'owner', 'founder',
  'manager', 'officer', 'representative', 'councillor', 'leader', 'consultant', 'adviser', 'advisor',
  'ambassador', 'champion', 'lead', 'head', 'headteacher', 'teacher', 'commissioner', 'convenor', 'convener',
  'clerk', 'worker', 'nurse', 'doctor', 'gp', 'landlord', 'tenant', 'proprietor', 'mentee', 'mentor', 'chief officer',
];

/** Words that qualify a capacity in lower case: "founder trustee", "foundation governor", "board member". */
export const CAPACITY_MODIFIERS = [
  'founder', 'foundation', 'board', 'parent', 'co-opted', 'local authority', 'elected', 'non-executive', 'executive',
  'associate', 'honorary', 'life', 'voluntary', 'unpaid', 'paid', 'independent', 'lay', 'community', 'staff',
  'senior', 'former', 'current', 'committee', 'managing', 'company', 'school', 'deputy', 'vice', 'joint',
];
