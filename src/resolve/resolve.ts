/**
 * In-document resolution: claims about occurrences and posts become claims about people.
 * "The Chair" is whoever the document says chaired; "the Cabinet Member" the person named with
 * that post; committee members are never an item's attendees. Nothing is guessed: a post with
 * no single holder in the document stays unresolved and its claim is dropped.
 */
import type { Evidence } from '../graph/model.ts';
import type { Claim, Extraction, Who } from '../extract/types.ts';
import type { NormalisedText } from '../normalise/normalise.ts';
import { sourceSpan } from '../normalise/normalise.ts';
import type { SegmentedDocument, Span } from '../segment/types.ts';
import { ROLE_HEADS } from '../lexicon/roles.ts';
import { groupPeople, nameOf, type PersonGroup } from './people.ts';
import { RoleBook } from './roles.ts';
import { resolveRecord } from './record.ts';
import { clusterStrategies } from './strategies.ts';
import { looksLikeRole } from '../lexicon/roles.ts';

/** "Cabinet Member Update", "Leader's Update": a post holder's oral update, not a document. */
function isOralUpdate(subject: string): boolean {
  const m = /^(.*?)['’]?s?\s+Update\b/.exec(subject);
  return m !== null && !/\b(?:Report|Strategy|Plan|Policy|Review|Assessment)\b/.test(subject) && looksLikeRole(m[1]!);
}
import type { PersonRef, ResolvedDocument, ResolvedItem, ResolvedPerson } from './types.ts';

export interface ResolveInput {
  source: { id: string; path: string; sha256: string; format: string };
  normalised: NormalisedText;
  segmented: SegmentedDocument;
  extraction: Extraction;
  warnings: string[];
}

/**
 * Whitespace runs other than one plain space: replacing these with a space gives what
 * `/\s+/g` would, without a match (and a copy) at every ordinary space between words.
 */
const WIDE_SPACE = /\s{2,}|[^\S ]/g;

function evidenceMaker(input: ResolveInput) {
  const { normalised, source, segmented } = input;
  // The same spans are quoted many times (every mention, role and relation of a person): each
  // quotation is made once per document.
  const quoted = new Map<number, Map<number, string>>();
  const quote = (start: number, end: number): string => {
    let byEnd = quoted.get(start);
    if (!byEnd) quoted.set(start, (byEnd = new Map()));
    let q = byEnd.get(end);
    if (q === undefined) {
      q = normalised.original.slice(start, end).replace(WIDE_SPACE, ' ').trim() || segmented.header.body || '';
      byEnd.set(end, q);
    }
    return q;
  };
  return (span: Span, item: number | null, rule: string | null = null): Evidence => {
    const s = sourceSpan(normalised, span.start, span.end);
    return {
      doc: source.id,
      item: item === null ? null : `${source.id}#${item}`,
      start: s.start,
      end: s.end,
      sentence: quote(s.start, s.end),
      rule,
    };
  };
}

function normTitle(t: string): string {
  return t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

export function resolve(input: ResolveInput): ResolvedDocument {
  const { extraction: x, segmented: doc, normalised } = input;
  const evidence = evidenceMaker(input);
  const meetingBody = doc.header.body;
  const { groups, byOccurrence } = groupPeople(x.people);

  // Posts held, as the document states them beside names.
  const councillorKeys = new Set(groups.filter((g) => g.occurrences.some((o) => o.councillor)).map((g) => g.key));
  const book = new RoleBook();
  const stated = new Set<string>();
  for (const p of x.people) {
    const g = byOccurrence.get(p.id)!;
    for (const r of p.roles) {
      book.add({ person: g.key, title: r.title, item: p.item });
      stated.add(`${g.key}\u0000${normTitle(r.title)}`);
    }
  }

  const chairKeys = new Set(x.chair.map((c) => (c.who.kind === 'person' ? byOccurrence.get(c.who.occurrence)!.key : null)).filter(Boolean) as string[]);
  const chairKey = chairKeys.size === 1 ? [...chairKeys][0]! : null;

  const whoToKey = (who: Who, item: number | null): string | null => {
    if (who.kind === 'person') return byOccurrence.get(who.occurrence)?.key ?? null;
    if (who.kind === 'chair') return chairKey;
    if (/^(?:Chair|Chairman|Chairperson)$/i.test(who.role)) return chairKey;
    return book.resolve(who.role, item);
  };

  const byItem = <T extends { item: number | null }>(list: T[]): Map<number | null, T[]> => {
    const m = new Map<number | null, T[]>();
    for (const c of list) {
      const l = m.get(c.item);
      if (l) l.push(c);
      else m.set(c.item, [c]);
    }
    return m;
  };
  const attendedByItem = byItem(x.attended);
  const introducedByItem = byItem(x.introduced);

  // A post welcomed without a name, and a councillor (not a member) who introduced the item:
  // minutes name the Cabinet Member by post when welcoming and by name when introducing.
  for (const item of doc.items) {
    const unresolved = (attendedByItem.get(item.ordinal) ?? []).filter((c) => c.who.kind === 'role' && whoToKey(c.who, item.ordinal) === null);
    const introducers = (introducedByItem.get(item.ordinal) ?? [])
      .filter((c) => c.who.kind === 'person')
      .map((c) => byOccurrence.get((c.who as { occurrence: number }).occurrence)!)
      .filter((g) => councillorKeys.has(g.key));
    const intro = [...new Set(introducers)];
    const cabinet = unresolved.filter((c) => /\bCabinet Member\b|\bPortfolio Holder\b|\bLeader\b/.test((c.who as { role: string }).role));
    if (intro.length === 1 && cabinet.length === 1) {
      book.add({ person: intro[0]!.key, title: (cabinet[0]!.who as { role: string }).role, item: item.ordinal });
    }
  }

  const members = new Set<string>();
  for (const c of x.present) {
    const k = whoToKey(c.who, c.item);
    if (k) members.add(k);
  }
  if (chairKey) members.add(chairKey);
  const committeeKeys = new Set(book.holders().filter((h) => /^(?:Vice[- ]?)?Chair(?:man|person)?$/i.test(h.title.trim())).map((h) => h.person));
  const committeeRole = (key: string) => committeeKeys.has(key);
  const groupByKey = new Map(groups.map((g) => [g.key, g]));

  const refs = (claims: Claim[], filter: (key: string) => boolean = () => true): Map<number | null, PersonRef[]> => {
    const out = new Map<number | null, PersonRef[]>();
    const seen = new Set<string>();
    for (const c of claims) {
      const key = whoToKey(c.who, c.item);
      if (!key || !filter(key)) continue;
      const list = out.get(c.item) ?? [];
      const seenKey = `${c.item}|${key}`;
      if (!seen.has(seenKey)) {
        seen.add(seenKey);
        list.push({ person: key, evidence: evidence(c.sentence, c.item, c.rule ?? null) });
      }
      out.set(c.item, list);
    }
    return out;
  };

  const notMember = (key: string) => !members.has(key) && !committeeRole(key);
  const attendedBy = refs(x.attended, notMember);
  const introducedBy = refs(x.introduced);
  const presentedBy = refs(x.presented);
  const askedBy = refs(x.asked);
  // A non-member who introduces or presents the report is in attendance for it (not the lead
  // named under a web page's title, who may not be there); members never attend their own items.
  const leadLines = new Set(doc.items.flatMap((i) => (i.lead ? [i.lead.start] : [])));
  const presentedInText = refs(x.presented.filter((c) => !leadLines.has(c.sentence.start)));
  for (const source of [introducedBy, presentedInText]) {
    for (const [item, list] of source) {
      const att = attendedBy.get(item) ?? [];
      const present = new Set(att.map((a) => a.person));
      for (const r of list) {
        if (!notMember(r.person) || present.has(r.person)) continue;
        present.add(r.person);
        att.push(r);
      }
      attendedBy.set(item, att);
    }
  }

  // Posts that the text gives through a post-only mention ("the X chaired the Y Board").
  const extraRoles = new Map<string, { title: string; span: Span; item: number | null }[]>();
  const addExtra = (key: string, role: { title: string; span: Span; item: number | null }) => {
    const list = extraRoles.get(key);
    if (!list) extraRoles.set(key, [role]);
    else if (list.length < 50 && !list.some((r) => r.title === role.title)) list.push(role);
  };
  for (const rh of x.roleHolders) {
    const key = whoToKey(rh.who, null);
    if (!key) continue;
    addExtra(key, { title: rh.title, span: rh.sentence, item: null });
  }
  // "the X Partnership, chaired by the Strategic Director …": the holder chairs the body.
  for (const b of x.bodies) {
    if (b.type !== 'CHAIRED_BY' || b.to.kind === 'body') continue;
    const key = whoToKey(b.to, null);
    if (key) addExtra(key, { title: `Chair of the ${b.from}`, span: b.sentence, item: null });
  }
  for (const h of book.holders()) {
    const g = groupByKey.get(h.person);
    if (g && !stated.has(`${h.person}\u0000${normTitle(h.title)}`)) {
      addExtra(h.person, { title: h.title, span: g.occurrences[0]!.span, item: h.item });
    }
  }

  const people: ResolvedPerson[] = groups.map((g) => personOf(g, input, evidence, extraRoles.get(g.key) ?? [], meetingBody, g.key === chairKey));

  const record = resolveRecord(x, input.source.id, whoToKey, evidence);
  const strategiesByItem = byItem(x.strategies);
  const requestsByItem = byItem(x.requests);
  const deferralsByItem = byItem(x.deferrals);
  const topicsByItem = byItem(x.topics);
  const items: ResolvedItem[] = doc.items.map((item) => {
    const o = item.ordinal;
    const itemRequests = requestsByItem.get(o) ?? [];
    const itemDeferrals = deferralsByItem.get(o) ?? [];
    const strategies = clusterStrategies([
      ...(strategiesByItem.get(o) ?? []),
      ...[...itemDeferrals, ...itemRequests.map((r) => ({ ...r, subject: r.text }))]
        .filter((d) => /^(?:[A-Z][\w'’-]*\s+){2,}/.test(d.subject) && /\b(?:Report|Update|Strategy|Plan|Policy|Review|Assessment)\b/.test(d.subject) && !isOralUpdate(d.subject))
        .map((d) => ({ item: o, name: d.subject.replace(/\s+be\s+.*$/, ''), kind: 'report', sentence: d.sentence, approvedBy: null })),
    ]);
    return {
      key: `${input.source.id}#${o}`,
      ordinal: o,
      number: item.number,
      title: item.title,
      start: sourceSpan(normalised, item.span.start, item.span.end).start,
      end: sourceSpan(normalised, item.span.start, item.span.end).end,
      attendees: attendedBy.get(o) ?? [],
      presenters: presentedBy.get(o) ?? [],
      introducers: introducedBy.get(o) ?? [],
      askedBy: askedBy.get(o) ?? [],
      requests: itemRequests.map((r) => ({ text: r.text, by: r.by, evidence: evidence(r.sentence, o, r.rule ?? null) })),
      deferrals: itemDeferrals.map((d) => ({ subject: d.subject, to: d.to, ...(d.next ? { next: true } : {}), from: doc.header.date, by: d.by, evidence: evidence(d.sentence, o, d.rule ?? null) })),
      decisions: record.decisions.get(o) ?? [],
      references: record.references.get(o) ?? [],
      strategies: strategies.map((s) => ({
        name: s.name,
        kind: s.kind,
        evidence: evidence(s.sentence, o, s.rule ?? (s.fromTitle ? 'strategy.title' : 'strategy.named')),
        approvedBy: s.approvedBy ? { body: s.approvedBy.body, date: s.approvedBy.date, evidence: evidence(s.sentence, o) } : null,
      })),
      topics: (topicsByItem.get(o) ?? []).map((t) => ({ name: t.name, evidence: evidence(t.sentence, o) })),
    };
  });

  const chairClaim = x.chair.find((c) => c.who.kind === 'person');
  const present = refs(x.present);
  const apologies = refs(x.apologies);
  const flat = (m: Map<number | null, PersonRef[]>) => {
    const out: PersonRef[] = [];
    const seen = new Set<string>();
    for (const list of m.values())
      for (const r of list)
        if (!seen.has(r.person)) {
          seen.add(r.person);
          out.push(r);
        }
    return out;
  };

  const bodyRelations = x.bodies
    .map((b) => {
      if (b.to.kind === 'body') return { type: b.type, from: b.from, to: b.to.name, toKind: 'Body' as const, evidence: evidence(b.sentence, null) };
      const key = whoToKey(b.to, null);
      if (key) return { type: b.type, from: b.from, to: key, toKind: 'Person' as const, evidence: evidence(b.sentence, null) };
      if (b.to.kind === 'role') return { type: b.type, from: b.from, to: b.to.role, toKind: 'Role' as const, evidence: evidence(b.sentence, null) };
      return null;
    })
    .filter((b): b is NonNullable<typeof b> => b !== null);

  const bodies = new Map<string, string>();
  if (meetingBody) bodies.set(meetingBody, 'committee');
  for (const b of bodyRelations) {
    bodies.set(b.from, 'board');
    if (b.toKind === 'Body') bodies.set(b.to, 'board');
  }
  for (const p of people) for (const r of p.represents) if (!bodies.has(r.body)) bodies.set(r.body, 'partner');

  return {
    source: input.source,
    meeting: {
      body: meetingBody,
      council: doc.header.council,
      date: doc.header.date,
      evidence: doc.header.dateSpan ? evidence(doc.header.dateSpan, null) : doc.header.bodySpan ? evidence(doc.header.bodySpan, null) : null,
    },
    chair: chairKey && chairClaim ? { person: chairKey, evidence: evidence(chairClaim.sentence, chairClaim.item, chairClaim.rule ?? null) } : null,
    membersPresent: flat(present),
    apologies: flat(apologies),
    people,
    items,
    declarations: record.declarations,
    substitutions: record.substitutions,
    bodies: [...bodies.entries()].map(([name, kind]) => ({ name, kind })),
    bodyRelations,
    warnings: [...input.warnings, ...doc.warnings],
  };
}

function personOf(
  g: PersonGroup,
  input: ResolveInput,
  evidence: (span: Span, item: number | null, rule?: string | null) => Evidence,
  extra: { title: string; span: Span; item: number | null }[],
  meetingBody: string | null,
  isChair: boolean,
): ResolvedPerson {
  const name = nameOf(g);
  const roles: ResolvedPerson['roles'] = [];
  const seen = new Set<string>();
  const add = (title: string, body: string | null, span: Span, item: number | null, rule: string | null = null) => {
    const t = title.trim();
    const key = normTitle(t);
    if (!t || seen.has(key)) return;
    // "Chair of the Improving Lives Select Commission" for the meeting's chair is the chair field.
    if (isChair && meetingBody && /^Chair(?:man)? of /i.test(t) && normTitle(t).includes(normTitle(meetingBody))) return;
    if (!looksLikePost(t)) return;
    // A shorter form of a post already held ("Cabinet Member for CYPS") adds nothing.
    if ([...seen].some((s) => s.startsWith(key) || key.split(' ').every((w) => s.split(' ').includes(w)))) return;
    seen.add(key);
    // "Chair of the Harbour Safety Board": the post belongs to that body.
    const of = /\bof (?:the )?((?:[A-Z][\w'’&-]*\s+|and\s+|for\s+|of\s+){0,8}(?:Board|Panel|Committee|Commission|Partnership|Group|Sub-Group|Forum|Council|Trust|Service|Services|Team|Network|Executive|Cabinet))$/.exec(t);
    roles.push({ title: t, body: body ?? (of ? of[1]!.trim() : null), evidence: evidence(span, item, rule) });
  };
  // A post's evidence is the statement that gives it, from the name to the post ("Helen Sweaton,
  // Joint Assistant Director for …", "Cllr X declared … as a governor of Y"), not the bare title.
  const stating = (o: { span: Span }, r: { span: Span }): Span => {
    const start = Math.min(o.span.start, r.span.start);
    const end = Math.max(o.span.end, r.span.end);
    return end - start <= 400 ? { start, end } : r.span;
  };
  for (const o of g.occurrences) for (const r of o.roles) add(r.title, r.body, stating(o, r), o.item, r.rule ?? null);
  for (const r of extra) add(r.title, null, r.span, r.item);
  const aliases = new Set<string>();
  for (const o of g.occurrences) {
    if (!o.parts.first) continue;
    const s = sourceSpan(input.normalised, o.span.start, o.span.end);
    const surface = input.normalised.original.slice(s.start, s.end).replace(/\s+/g, ' ').replace(/[’‘]/g, "'").trim();
    const plain = surface.replace(/^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+/, '');
    if (plain !== name && plain.replace(/^(?:County )?Councillor\s+|^Cllr\.?\s+/, '') !== name.replace(/^Councillor\s+/, '')) aliases.add(plain);
  }
  const represents = g.occurrences.flatMap((o) => o.represents.map((r) => ({ body: r.body, evidence: evidence(r.span, o.item) })));
  const councillor = g.occurrences.some((o) => o.councillor);
  return {
    key: g.key,
    name,
    aliases: [...aliases],
    kind: councillor ? 'councillor' : represents.length > 0 ? 'external' : roles.length > 0 ? 'officer' : 'external',
    roles,
    represents,
    mentions: g.occurrences.map((o) => evidence(o.span, o.item)),
  };
}

/** Lenient: a capitalised phrase with a post word in any case ("… Commission representative to …"). */
function looksLikePost(title: string): boolean {
  // Posts stated in running text may start in lower case ("co-opted member", "governor of …").
  return /^[A-Za-z]/.test(title) && title.split(/[\s,()]+/).some((w) => ROLE_HEADS.has(w.toLowerCase()));
}
