/**
 * One synthetic meeting, decided before any rendering: who was there, which items, what was
 * said, requested and deferred. Renderers only choose the layout, so the same plan can be
 * published twice (web page and printed minutes) as real councils do.
 */
import { GENERIC_POINTS, MONTHS, QUESTIONS, TOPICS, VENUES, WEEKDAYS, WORK_PROGRAMME_SUBJECTS, type TopicDef } from './pools.ts';
import type { Rng } from './random.ts';
import { chairsFor, portfolioTitle, postOf, type CouncilWorld, type Officer, type PersonName } from './world.ts';

export type Block =
  | { t: 'p'; text: string }
  | { t: 'bullets'; heading: string | null; items: string[] }
  | { t: 'resolved'; intro: string; items: string[] };

export interface ItemPlan {
  number: number;
  title: string;
  agenda: string;
  /** Web pages show "pdf icon PDF n KB" after the title when a report is attached. */
  pdfKb: number | null;
  additionalDocuments: boolean;
  blocks: Block[];
}

export interface MeetingPlan {
  council: CouncilWorld;
  committee: string;
  date: { year: number; month: number; day: number; weekday: string };
  time: string;
  venue: string;
  chair: string;
  present: string[];
  apologies: string[];
  items: ItemPlan[];
}

export interface PlanOptions {
  /** Discussion points per substantive item scale with this (1 ≈ 10 KB per meeting). */
  detail: number;
}

const short = (committee: string): string => {
  const last = committee.split(' ').pop() ?? 'Committee';
  return last === 'Commission' || last === 'Board' || last === 'Panel' ? last : 'Committee';
};

function ordinal(day: number): string {
  if (day % 10 === 1 && day !== 11) return `${day}st`;
  if (day % 10 === 2 && day !== 12) return `${day}nd`;
  if (day % 10 === 3 && day !== 13) return `${day}rd`;
  return `${day}th`;
}

function personFull(name: PersonName, rng: Rng): string {
  // A few documents misspell a recurring officer; the extractor must merge the variants.
  const surname = name.variant !== null && rng.chance(0.25) ? name.variant : name.surname;
  return `${name.first} ${surname}`;
}

function fill(text: string, ctx: { place: string; body: string; year: number; topic?: string }, rng: Rng): string {
  // {N0} is always below {N1}, so "increased from {N0} to {N1}" and "fallen from {N1} to {N0}" read true.
  const low = rng.int(20, 500);
  return text.replace(/\{(N0|N1|N|P|B|Y|A|T)\}/g, (_m, key: string) => {
    switch (key) {
      case 'N':
        return String(rng.int(4, 95));
      case 'N0':
        return String(low);
      case 'N1':
        return String(low + rng.int(5, 120));
      case 'T':
        return ctx.topic ?? 'the service';
      case 'P':
        return ctx.place;
      case 'B':
        return ctx.body;
      case 'Y': {
        const from = ctx.year + rng.int(-1, 1);
        return `${from}-${from + rng.int(2, 4)}`;
      }
      default:
        return `${ctx.year - 1}/${String(ctx.year).slice(2)}`;
    }
  });
}

/** Lower-cases a sentence's first letter unless it starts an acronym ("SEND", "CAMHS"). */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function andJoin(xs: string[]): string {
  return xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}` : (xs[0] ?? '');
}

function monthYear(year: number, month: number): string {
  const m = ((month % 12) + 12) % 12;
  return `${MONTHS[m]} ${year + Math.floor(month / 12)}`;
}

export function planMeeting(council: CouncilWorld, rng: Rng, opts: PlanOptions, seed: number): MeetingPlan {
  const style = council.def.style;
  const committee = rng.pick(council.committees);
  const year = rng.int(2018, 2026);
  const month = rng.int(0, 11);
  const day = rng.int(1, 28);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month, day)).getUTCDay()] ?? 'Tuesday';
  const municipalYear = month >= 4 ? year : year - 1;
  const { chair, vice } = chairsFor(council, committee, municipalYear, seed);
  const body = short(committee.name);
  const ctx = { place: council.def.place, body, year };
  const member = (m: { first: string; surname: string }) =>
    style.memberTitle === 'Cllr' ? `Cllr ${m.first} ${m.surname}` : `${style.memberTitle} ${m.surname}`;
  const absent = rng.sample(committee.members.filter((m) => m !== chair && m !== vice), rng.int(0, 3));
  const present = committee.members.filter((m) => !absent.includes(m)).map(member);
  const chairName = member(chair);
  const cabinetMember = council.cabinet[0]!;
  const cmTitle = portfolioTitle(cabinetMember, year);
  const cmName = member(cabinetMember);
  const officerText = (o: Officer, full: string) =>
    style.roleStyle === 'parenthetical' ? `the ${postOf(o, year)} (${full})` : `${full}, ${postOf(o, year)}`;

  const items: ItemPlan[] = [];
  let number = rng.int(1, 90);
  const push = (item: Omit<ItemPlan, 'number'>) => items.push({ number: number++, ...item });
  const prevDay = Math.max(1, day - rng.int(0, 20));
  const prevDate = `${prevDay} ${monthYear(year, month - 1 - rng.int(0, 1))}`;

  push({
    title: 'Minutes of the Previous Meeting',
    agenda: `To agree the minutes of the meeting held on ${prevDate} as an accurate record.`,
    pdfKb: rng.int(60, 250),
    additionalDocuments: false,
    blocks: [{ t: 'p', text: `Resolved:- That the minutes of the meeting of the ${committee.name} held on ${prevDate} be approved as a correct record.` }],
  });
  push({
    title: 'Declarations of Interest',
    agenda: 'To invite Members to declare any interests in the business on this agenda.',
    pdfKb: null,
    additionalDocuments: false,
    blocks: [{ t: 'p', text: rng.chance(0.8) ? 'There were no declarations of interest.' : `${member(rng.pick(committee.members))} declared a non-pecuniary interest as a school governor and remained in the meeting.` }],
  });
  if (rng.chance(0.6)) {
    push({
      title: 'Questions from Members of the Public and the Press',
      agenda: 'To take any questions submitted in advance by residents or the press.',
      pdfKb: null,
      additionalDocuments: false,
      blocks: [{ t: 'p', text: 'No questions had been submitted.' }],
    });
  }

  const topics = rng.sample(TOPICS, rng.int(2, 4));
  for (const topic of topics) push(reportItem(topic));

  if (rng.chance(0.5)) {
    push({
      title: 'Corporate Parenting Partnership Board Update',
      agenda: 'To receive a verbal update following the most recent meeting of the Corporate Parenting Partnership Board.',
      pdfKb: null,
      additionalDocuments: false,
      blocks: [
        {
          t: 'p',
          text: `${member(vice)}, Vice-Chair, provided an overview of the Corporate Parenting Partnership Board held on ${ordinal(prevDay)} ${monthYear(year, month - 1)}. The Board had heard from young people about moving between placements and had agreed to review its priorities in the spring.`,
        },
        { t: 'p', text: 'Resolved:- That the update be noted.' },
      ],
    });
  }
  push(workProgramme());
  push({
    title: 'Urgent Business',
    agenda: `To consider any item which the ${style.chairWord} considers urgent.`,
    pdfKb: null,
    additionalDocuments: false,
    blocks: [{ t: 'p', text: 'There was no urgent business.' }],
  });

  return {
    council,
    committee: committee.name,
    date: { year, month, day, weekday },
    time: rng.pick(['10.00 a.m.', '2.00 p.m.', '6.00 pm', '10.30 am', '1.30 p.m.']),
    venue: `${rng.pick(VENUES)}, ${council.def.place}`,
    chair: chairName,
    present,
    apologies: absent.map(member),
    items,
  };

  function reportItem(topic: TopicDef): Omit<ItemPlan, 'number'> {
    const title = fill(rng.pick(topic.titles), ctx, rng);
    const officers = rng.sample(council.officers.get(topic.topic) ?? [], rng.int(1, 3));
    const names = officers.map((o) => personFull(o.name, rng));
    const partner = rng.chance(0.35) ? rng.pick(council.partners) : null;
    const strategies = rng.sample(topic.strategies, rng.int(1, 2)).map((s) => fill(s, ctx, rng));
    // Points are dealt without replacement so an item never repeats itself; the deck is
    // reshuffled only when a high `detail` asks for more points than the pools hold.
    const tctx = { ...ctx, topic: topic.topic };
    let deck: string[] = [];
    const points = (n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) {
        if (deck.length === 0) deck = rng.sample([...topic.points, ...rng.sample(GENERIC_POINTS, 6)], 99);
        out.push(fill(deck.pop()!, tctx, rng));
      }
      return out;
    };
    const scale = (n: number) => Math.max(1, Math.round(n * opts.detail));
    const blocks: Block[] = [];
    blocks.push({ t: 'p', text: `This item provided an update on ${title.replace(/ Update$/, '')}, and on progress against the ${strategies[0]}.` });

    const welcomed = officers.map((o, i) => officerText(o, names[i]!));
    const withPartner = partner ? [...welcomed, `${personFull(partner.name, rng)}, ${partner.post} (representing ${partner.org})`] : welcomed;
    const list = [`${cmName}, the ${cmTitle}`, ...withPartner];
    const joined = andJoin(list);
    blocks.push({
      t: 'p',
      text: rng.chance(0.7)
        ? `The ${style.chairWord} welcomed to the meeting ${joined}.`
        : `The ${style.chairWord} welcomed the ${cmTitle} to the meeting. Also in attendance ${withPartner.length > 1 ? 'were' : 'was'} ${andJoin(withPartner)}.`,
    });
    if (rng.chance(0.6)) {
      blocks.push({ t: 'p', text: `The ${style.chairWord} invited the Cabinet Member to introduce the report, during which the following was noted:` });
      blocks.push({ t: 'bullets', heading: null, items: points(scale(3)) });
    } else {
      blocks.push({ t: 'p', text: `${cmName} introduced the report. The Cabinet Member highlighted that ${lowerFirst(fill(rng.pick(topic.points), ctx, rng))}` });
    }
    const lead = officers[0]!;
    blocks.push({
      t: 'p',
      text: rng.chance(0.6)
        ? `The ${style.chairWord} invited the ${postOf(lead, year)} to give the presentation, during which the following was noted:`
        : `${names[0]} presented the report, and the following points were made:`,
    });
    blocks.push({ t: 'bullets', heading: 'Background-', items: points(scale(4)) });
    blocks.push({ t: 'bullets', heading: 'Progress and challenges-', items: points(scale(4)) });
    if (rng.chance(0.5)) {
      const approvedYear = year - rng.int(1, 3);
      blocks.push({ t: 'p', text: `The ${strategies[0]} was approved at Cabinet in ${MONTHS[rng.int(0, 11)]} ${approvedYear}.` });
    }
    if (rng.chance(0.4)) {
      const board = `${topic.topic === 'SEND' ? 'SEND' : topic.topic.replace(/^\w/, (c) => c.toUpperCase())} Partnership Board`;
      blocks.push({ t: 'p', text: `The ${board}, chaired by the ${postOf(lead, year)}, met every six weeks and fed into the ${rng.pick(['Corporate Parenting Partnership Board', 'Health and Wellbeing Board', 'Children\'s Trust Executive'])}.` });
    }
    blocks.push({ t: 'p', text: `The ${style.chairWord} thanked the officers and opened the meeting up to questions, during which the following was noted and discussed:` });
    blocks.push({ t: 'bullets', heading: null, items: points(scale(4)) });
    for (const [q, a] of rng.sample(QUESTIONS, scale(2))) blocks.push({ t: 'p', text: `${q} ${a}` });
    const requests = rng.sample(topic.requests, rng.int(0, 2)).map((r) => `Requested that ${fill(r, ctx, rng)}.`);
    blocks.push({ t: 'resolved', intro: `Resolved:- That the ${committee.name}:`, items: [`Noted the update on ${title.replace(/ Update$/, '')}.`, ...requests] });
    return {
      title,
      agenda: `This report gives the ${body} an update on ${title}, including progress against the ${strategies[0]} and the priorities for the coming year.`,
      pdfKb: rng.int(90, 900),
      additionalDocuments: rng.chance(0.5),
      blocks,
    };
  }

  function workProgramme(): Omit<ItemPlan, 'number'> {
    const subjects = rng.sample(WORK_PROGRAMME_SUBJECTS, 3);
    const lines: string[] = [];
    const target = rng.int(1, 4);
    if (rng.chance(0.7)) lines.push(`The ${subjects[0]}, scheduled for ${MONTHS[(month + 1) % 12]}, would be moved to ${monthYear(year, month + 1 + target)}.`);
    if (rng.chance(0.5)) {
      const d = rng.int(1, 28);
      lines.push(`It was agreed that consideration of the ${subjects[1]} be deferred until the next meeting on ${ordinal(d)} ${monthYear(year, month + 1)}.`);
    }
    if (rng.chance(0.3)) lines.push(`It was agreed that the ${subjects[2]} be deferred to a future meeting.`);
    if (rng.chance(0.5)) lines.push(`It was requested that the ${subjects[2]} be presented to ${MONTHS[(month + 2) % 12]}'s meeting.`);
    // Business coming back, and requests answered: follow-through across meetings of the body.
    const returning = rng.sample(WORK_PROGRAMME_SUBJECTS, 2);
    if (rng.chance(0.8)) lines.push(`The ${returning[0]}, which had been deferred from an earlier meeting, was received under this item.`);
    if (rng.chance(0.8)) lines.push(`Further to the request made at an earlier meeting, the ${returning[1]} had been circulated to members.`);
    if (lines.length === 0) lines.push('The work programme was included within the agenda pack, for information.');
    return {
      title: 'Work Programme',
      agenda: `To consider the ${body}'s Work Programme.`,
      pdfKb: rng.int(80, 160),
      additionalDocuments: false,
      blocks: [
        { t: 'p', text: `The ${body} considered its Work Programme, and the following was noted:` },
        { t: 'bullets', heading: null, items: lines },
        { t: 'p', text: `Resolved:- That the Work Programme for ${municipalYear}/${municipalYear + 1} be approved.` },
      ],
    };
  }
}
