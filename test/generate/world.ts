/**
 * The fictional cast of the synthetic corpus: councils with their councillors, officers,
 * cabinet members and partners. Built once per seed so that people recur across meetings,
 * hold posts that change over time, and chair a committee one year and vice-chair it the next.
 */
import { COMMITTEES, COUNCILS, FIRST_NAMES, PARTNERS, PORTFOLIOS, SURNAMES, TOPICS, type CouncilDef } from './pools.ts';
import { deriveRng, hash32, type Rng } from './random.ts';

export interface PersonName {
  first: string;
  surname: string;
  /** A misspelling some documents use instead (the same person, to be merged). */
  variant: string | null;
}

export interface Officer {
  name: PersonName;
  post: string;
  /** From this year on the officer holds `laterPost` instead. */
  promotedIn: number | null;
  laterPost: string | null;
}

export interface CabinetMember {
  surname: string;
  first: string;
  portfolio: string;
  /** From this year on the member is "Deputy Leader and Cabinet Member for ...". */
  deputyFrom: number | null;
}

export interface Partner {
  name: PersonName;
  post: string;
  org: string;
}

export interface Committee {
  name: string;
  /** Councillor surnames; the first letter of the first name is kept for "Cllr" styles. */
  members: { first: string; surname: string }[];
}

export interface CouncilWorld {
  def: CouncilDef;
  slug: string;
  committees: Committee[];
  /** Officers by topic name. */
  officers: Map<string, Officer[]>;
  cabinet: CabinetMember[];
  partners: Partner[];
  contact: { name: PersonName; post: string };
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function misspell(surname: string, rng: Rng): string {
  // The slips that real minutes make: a doubled letter, a dropped letter, an added "e".
  const i = rng.int(1, Math.max(1, surname.length - 2));
  const kind = rng.int(0, 2);
  if (kind === 0) return surname.slice(0, i) + surname[i] + surname.slice(i);
  if (kind === 1 && surname.length > 5) return surname.slice(0, i) + surname.slice(i + 1);
  return surname + 'e';
}

function personName(rng: Rng, surnames: string[], withVariant: boolean): PersonName {
  const surname = surnames.pop();
  if (surname === undefined) throw new Error('generator: the surname pool is exhausted; add names to pools.ts');
  return { first: rng.pick(FIRST_NAMES), surname, variant: withVariant ? misspell(surname, rng) : null };
}

function buildCouncil(def: CouncilDef, seed: number): CouncilWorld {
  const rng = deriveRng(seed, `council:${def.name}`);
  const place = def.place;
  const surnames = rng.sample(SURNAMES, SURNAMES.length);
  const councillors = Array.from({ length: 26 }, () => {
    const surname = surnames.pop();
    if (surname === undefined) throw new Error('generator: the surname pool is exhausted; add names to pools.ts');
    return { first: rng.pick(FIRST_NAMES), surname };
  });
  // Cabinet members are chosen first and kept off the committees that scrutinise them.
  const cabinetPool = rng.sample(councillors, PORTFOLIOS.length);
  const backbench = councillors.filter((c) => !cabinetPool.includes(c));
  const committees: Committee[] = rng.sample(COMMITTEES, rng.int(3, 5)).map((name) => ({
    name,
    members: rng.sample(backbench, rng.int(8, 13)),
  }));
  const officers = new Map<string, Officer[]>();
  for (const topic of TOPICS) {
    officers.set(
      topic.topic,
      topic.posts.map((post) => {
        const promoted = post.startsWith('Assistant Director') || post.startsWith('Head of') ? rng.chance(0.3) : false;
        return {
          name: personName(rng, surnames, rng.chance(0.15)),
          post,
          promotedIn: promoted ? rng.int(2020, 2025) : null,
          laterPost: promoted ? post.replace(/^Assistant Director/, 'Director').replace(/^Head of (Service for )?/, 'Assistant Director for ') : null,
        };
      }),
    );
  }
  const cabinet = PORTFOLIOS.map((portfolio, i) => {
    const member = cabinetPool[i] ?? councillors[0]!;
    return { ...member, portfolio, deputyFrom: i === 0 ? rng.int(2020, 2025) : null };
  });
  const partners = PARTNERS.map((p) => ({
    name: personName(rng, surnames, false),
    post: p.post.replaceAll('{P}', place),
    org: p.org.replaceAll('{P}', place),
  }));
  const contact = { name: personName(rng, surnames, false), post: rng.pick(['Governance Advisor', 'Principal Scrutiny Officer', 'Democratic Services Officer']) };
  return { def, slug: slugify(place), committees, officers, cabinet, partners, contact };
}

export function buildWorld(seed: number): CouncilWorld[] {
  return COUNCILS.map((def) => buildCouncil(def, seed));
}

/** Chair of a committee in a municipal year (May to April); last year's chair becomes vice-chair. */
export function chairsFor(council: CouncilWorld, committee: Committee, municipalYear: number, seed: number) {
  const n = committee.members.length;
  const at = (year: number) => hash32(`${seed}:${council.slug}:${committee.name}:${Math.floor(year / 2)}`) % n;
  // Chairs serve two-year terms, so a role change is visible across a run of meetings.
  const chairIdx = at(municipalYear);
  let viceIdx = at(municipalYear - 2);
  if (viceIdx === chairIdx) viceIdx = (chairIdx + 1) % n;
  return { chair: committee.members[chairIdx]!, vice: committee.members[viceIdx]! };
}

export function postOf(officer: Officer, year: number): string {
  return officer.promotedIn !== null && officer.laterPost !== null && year >= officer.promotedIn ? officer.laterPost : officer.post;
}

export function portfolioTitle(member: CabinetMember, year: number): string {
  const base = `Cabinet Member for ${member.portfolio}`;
  return member.deputyFrom !== null && year >= member.deputyFrom ? `Deputy Leader and ${base}` : base;
}
