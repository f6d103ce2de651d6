/**
 * Who took part in an item: welcomed or in attendance, who introduced the report, who
 * presented it, who asked or spoke. Each family of phrasing is a rule (PARTICIPATION_RULES)
 * built from the verb lexicon; a rule reads its people either as the subject before its verb
 * ("Jo Hale, assisted by Ravi Shah, gave a presentation") or as the object in its `who` group
 * ("The report was presented by the Head of Place", "invited X to give the presentation").
 * Posts named alone stay posts here ("the Head of Place"); resolution ties them to people.
 */
import type { SegmentedDocument, Span } from '../segment/types.ts';
import { alt, hits, rule, type Hit, type Rule } from '../rules/engine.ts';
import { ASKING_VERBS, ATTENDING_PHRASES, AUDIENCE_NOUNS, AUDIENCE_VERBS, GIVING_VERBS, INTRODUCING_VERBS, INVITED_TO, PRESENTATION_NOUNS, PRESENTING_VERBS, WELCOMING_PHRASES } from '../lexicon/verbs.ts';
import { MAX_SENTENCE, sentenceText, splitSentences } from '../text/sentences.ts';
import { looksLikeRole } from '../lexicon/roles.ts';
import type { Mention, MentionIndex } from './mentions.ts';
import type { Claim, Who } from './types.ts';

const NOUN = `(?:(?:a|an|the|her|his|their|its|this|that)\\s+)?(?:[a-z-]+\\s+){0,3}${alt(PRESENTATION_NOUNS)}s?`;
const WHO = '(?<who>[^.;]{2,700}?)';

/** "members", "the Committee", "Cabinet", "the Health Scrutiny Panel", "those present". */
const AUDIENCE = (() => {
  const title = (w: string) => w.replace(/(^|[\s-])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase()).replace(/\b(Of|The)\b/g, (m) => m.toLowerCase());
  const nouns = alt(AUDIENCE_NOUNS.flatMap((n) => [n, title(n)]));
  return `(?:(?:the|this|[Tt]hose)\\s+)?(?:[A-Z][\\w'’&-]*\\s+(?:(?:and|&)\\s+[A-Z][\\w'’&-]*\\s+)?){0,4}${nouns}`;
})();
/** "took members through", "updated the Board", "gave the Panel an update". */
const AUDIENCE_VERB = `(?:${AUDIENCE_VERBS.map(({ verb, then }) => `${verb}\\s+${AUDIENCE}${then ? `\\s+${then}` : ''}`).join('|')}|(?:${alt(GIVING_VERBS)})\\s+${AUDIENCE}\\s+${NOUN})`;

type Take = 'subject' | 'object';
interface ClauseRule {
  rule: Rule;
  take: Take;
  /** What the people it finds did. */
  as: 'presenter' | 'introducer' | 'attendee' | 'asked';
  /** Presenters and introducers named this way also attended the item (when not members). */
  attends?: boolean;
}

function clause(take: Take, as: ClauseRule['as'], r: Rule, attends = false): ClauseRule {
  return { rule: r, take, as, attends };
}

export const PARTICIPATION_RULES: ClauseRule[] = [
  clause('subject', 'presenter', rule({
    id: 'presenter.active-verb',
    produces: 'presenter',
    reason: 'the presenter as the subject of a presenting verb: presented, outlined, reported, spoke to the report, took members through, updated members',
    pattern: new RegExp(`(?<verb>\\b(?:${AUDIENCE_VERB}|${alt(PRESENTING_VERBS)}))\\b`, 'g'),
    examples: [
      { text: 'Jo Hale presented the report.', groups: { verb: 'presented' } },
      { text: 'The Head of Place took members through the proposals.', groups: { verb: 'took members through' } },
      { text: 'Amara Osei, Head of Access, took Cabinet through the consultation.', groups: { verb: 'took Cabinet through' } },
      { text: 'The Finance Lead walked the Audit and Standards Committee through the accounts.', groups: { verb: 'walked the Audit and Standards Committee through' } },
      { text: 'Petra Lindqvist updated the Board on recent appeals.', groups: { verb: 'updated the Board' } },
      { text: 'The Clerk briefed councillors about the new code.', groups: { verb: 'briefed councillors' } },
      { text: 'Dr Iqbal gave the Panel a short update on waiting times.', groups: { verb: 'gave the Panel a short update' } },
      { text: 'Priya Shah spoke to the report.', groups: { verb: 'spoke to' } },
    ],
    counterexamples: ['The presentation was well received.', 'The table took account of the changes.', 'Members were updated on the position.'],
  }), true),
  clause('subject', 'presenter', rule({
    id: 'presenter.gave-noun',
    produces: 'presenter',
    reason: 'the presenter as the subject of giving a presentation, an overview, an update or a briefing',
    pattern: new RegExp(`(?<verb>\\b${alt(GIVING_VERBS)})\\s+${NOUN}\\b`, 'g'),
    examples: [
      { text: 'Dr Ravi Shah gave a short presentation on the plan.', groups: { verb: 'gave' } },
      { text: 'The Director provided an overview of the changes.', groups: { verb: 'provided' } },
    ],
    counterexamples: ['The report provided information on the budget.'],
  }), true),
  clause('object', 'presenter', rule({
    id: 'presenter.passive-by',
    produces: 'presenter',
    reason: 'the presenter after "by" or "from": "the report was presented by X", "received a presentation from X", "following a presentation by X", "the verbal update from X"',
    pattern: new RegExp(`(?:\\b(?:was|were|being|been|is)\\s+(?:presented|given|delivered|provided|outlined|reported)\\s+(?:to\\s+(?:the\\s+)?\\w+\\s+)?by|\\b${NOUN}\\s+(?:was\\s+)?(?:given\\s+|delivered\\s+|provided\\s+)?(?:from|by))\\s+${WHO}(?=[.;,]|\\s+(?:on|about|regarding|relating|concerning|which|who|that|and\\s+the|in\\s+(?:relation|respect)|with\\s+regard|outlining|setting|covering|updating|explaining)\\b|$)`, 'g'),
    // Every match has "by" or "from" between spaces (both branches end on one before the name).
    needs: /\s(?:by|from)\s/,
    examples: [
      { text: 'The report was presented by Jo Hale, Head of Place.', groups: { who: 'Jo Hale' } },
      { text: 'The Committee received a presentation from the Harbour Control Manager on the service.', groups: { who: 'the Harbour Control Manager' } },
      { text: 'Members appreciated the verbal update from Councillor Ash.', groups: { who: 'Councillor Ash' } },
      { text: 'The plan was presented by Tomasz Nowak, Assistant Director of Housing, and Efua Mensah, Head of Finance.', groups: { who: 'Tomasz Nowak' } },
    ],
    counterexamples: ['The report was noted by the Committee'],
  }), true),
  clause('object', 'presenter', rule({
    id: 'presenter.invited',
    produces: 'presenter',
    reason: 'an invitation to present: "The Chair invited X to give the presentation", "X had been invited to present the report"',
    pattern: new RegExp(`\\binvited\\s+${WHO}\\s+to\\s+(?:the\\s+meeting\\s+to\\s+)?${alt(INVITED_TO)}\\b`, 'g'),
    examples: [{ text: 'The Chair invited the Joint Assistant Director to give the presentation.', groups: { who: 'the Joint Assistant Director' } }],
    counterexamples: ['The Chair invited questions from members.'],
  }), true),
  clause('subject', 'presenter', rule({
    id: 'presenter.had-been-invited',
    produces: 'presenter',
    reason: 'the presenter as the subject of being invited to present: "X has been invited to the meeting to present the report"',
    pattern: new RegExp(`(?<verb>\\b(?:had|has)\\s+been\\s+invited\\s+(?:to\\s+(?:the|this)\\s+meeting\\s+)?to\\s+${alt(INVITED_TO)})\\b`, 'g'),
    examples: [{ text: 'Councillor Joan Ash has been invited to the meeting to present the report.', groups: { verb: 'has been invited to the meeting to present' } }],
    counterexamples: ['Members had been invited to comment.'],
  }), true),
  clause('subject', 'introducer', rule({
    id: 'introducer.active',
    produces: 'introducer',
    reason: 'the introducer as the subject of "introduced": "Councillor Ash introduced the report", "X introduced and Y presented"',
    pattern: new RegExp(`(?<verb>\\b${alt(INTRODUCING_VERBS)})\\b`, 'g'),
    examples: [{ text: 'The Cabinet Member introduced the report.', groups: { verb: 'introduced' } }],
    counterexamples: ['New arrangements were introduced in April.'],
  }), true),
  clause('object', 'introducer', rule({
    id: 'introducer.passive-by',
    produces: 'introducer',
    reason: 'the introducer after "by": "The item was introduced by X"',
    pattern: new RegExp(`\\b(?:was|were|being)\\s+introduced\\s+by\\s+${WHO}(?=[.;,]|\\s+(?:who|which|and\\s+the)\\b|$)`, 'g'),
    examples: [{ text: 'The item was introduced by Ravi Shah, Head of Service, who gave an update.', groups: { who: 'Ravi Shah' } }],
    counterexamples: ['The scheme was introduced in 2020.'],
  }), true),
  clause('object', 'introducer', rule({
    id: 'introducer.invited',
    produces: 'introducer',
    reason: 'an invitation to introduce: "invited the Cabinet Member to introduce the report"',
    pattern: new RegExp(`\\binvited\\s+${WHO}\\s+to\\s+introduce\\b`, 'g'),
    examples: [{ text: 'The Chair invited the Cabinet Member to introduce the report.', groups: { who: 'the Cabinet Member' } }],
    counterexamples: ['The Chair invited members to introduce themselves.'],
  }), true),
  clause('object', 'attendee', rule({
    id: 'attendee.welcomed',
    produces: 'attendee',
    reason: 'the people welcomed: "The Chair welcomed X, Y and Z to the meeting", "A welcome was extended to X", "I would like to welcome X"',
    pattern: new RegExp(`\\b${alt(WELCOMING_PHRASES)}\\s+(?:to\\s+the\\s+meeting\\s+)?${WHO}(?=\\s+to\\s+the\\s+meeting|\\s+(?:who|and\\s+invited|for\\s+attending|to\\s+(?:present|give|the)|in\\s+attendance)\\b|[.;]|$)`, 'g'),
    examples: [
      { text: 'The Chair welcomed Jo Hale, Head of Place, and Ravi Shah to the meeting.', groups: { who: 'Jo Hale, Head of Place, and Ravi Shah' } },
      { text: 'A welcome was extended to Councillor Ash, who was observing.', groups: { who: 'Councillor Ash,' } },
    ],
    counterexamples: ['The Committee welcomed the report.'],
  })),
  clause('subject', 'attendee', rule({
    id: 'attendee.in-attendance',
    produces: 'attendee',
    reason: 'people said to be in attendance, present for the item, or to have joined or attended it',
    pattern: new RegExp(`(?<verb>\\b${alt(ATTENDING_PHRASES)})\\b`, 'g'),
    examples: [
      { text: 'Jo Hale and Ravi Shah were in attendance to provide further information.', groups: { verb: 'were in attendance to' } },
      { text: 'Dr Ash attended for this item.', groups: { verb: 'attended for this item' } },
    ],
    counterexamples: ['Attendance at the sessions was good.'],
  })),
  clause('object', 'attendee', rule({
    id: 'attendee.listed-for-item',
    produces: 'attendee',
    reason: 'a list of who attended the item: "Present for this item: X", "In attendance for this item were X and Y", "Also in attendance were X"',
    pattern: new RegExp(`\\b(?:(?:Present|In attendance|Attending|Also in attendance|Also present)(?:\\s+for\\s+(?:this|the)\\s+item)?(?:\\s+(?:was|were))?\\s*:?-?|(?:also\\s+)?in\\s+attendance\\s+(?:was|were)\\s*:?-?)\\s+${WHO}(?=[.;]|$)`, 'g'),
    examples: [{ text: 'In attendance for this item were Jo Hale and Ravi Shah.', groups: { who: 'Jo Hale and Ravi Shah' } }],
    counterexamples: ['Attendance was good.'],
  })),
  clause('subject', 'asked', rule({
    id: 'asked.active',
    produces: 'asked',
    reason: 'a member or guest as the subject of asking or speaking: asked whether, queried, raised, commented, spoke in objection, made a deputation',
    pattern: new RegExp(`(?<verb>\\b${alt(ASKING_VERBS)})\\b`, 'g'),
    examples: [{ text: 'Councillor Ash asked whether the scheme was funded.', groups: { verb: 'asked' } }],
    counterexamples: ['Members were asked to note the report.'],
  })),
  clause('object', 'asked', rule({
    id: 'asked.in-response',
    produces: 'asked',
    reason: 'the asker after "in response to a question from" or "following a question from"',
    pattern: new RegExp(`\\b(?:in\\s+response\\s+to|following|responding\\s+to)\\s+(?:a\\s+|the\\s+)?(?:question|questions|query|queries|comments?|points?)\\s+(?:from|by|raised\\s+by)\\s+${WHO}(?=[.;,]|\\s+(?:about|on|regarding|concerning|in\\s+relation|the|it)\\b|$)`, 'gi'),
    examples: [{ text: 'In response to a question from Councillor Ash, the Director explained the delay.', groups: { who: 'Councillor Ash' } }],
    counterexamples: ['In response, the Director explained.'],
  })),
];

/** A sentence that introduces a list of who attended, one a line: "In attendance were: -". */
const LIST_INTRO = /\b(?:in attendance|also present|present for (?:this|the) item|attending|welcomed)\b[^.]*:\s*-?\s*$/i;
const TO_PRESENT = /\bin attendance to present\b|\bofficers in attendance to\b/i;

/** Introducers first, so "introduced the report and outlined …" is read as introducing only. */
const RULE_ORDER = [...PARTICIPATION_RULES.filter((c) => c.as === 'introducer'), ...PARTICIPATION_RULES.filter((c) => c.as !== 'introducer')];

/** Text allowed between a subject and its verb: an apposition, a helper clause, or nothing. */
const APPOSITION_GAP = /^(?:\s*,[^;.]{0,200},\s*|\s*,\s*(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|for|and|the|to|&))*\s+|\s*\([^()]{0,160}\)\s*|\s+-\s+[^;.]{0,200},\s*|\s+and\s+|\)\s*|\s*|\s+(?:also|then|further|briefly|subsequently|jointly|together|both|verbally|formally)\s+|\s+(?:had|has|have)\s+(?:also\s+)?|\s*,\s*(?:assisted|supported|accompanied|joined)\s+by\s+[^;.]{2,120}?,\s*)$/;
const RELATIVE_WHO = /^(?:\s*,[^;.()]{0,160}?|\s*\([^()]{0,160}\))?\s*,?\s+who\s+(?:(?:had|has|then|also|kindly|subsequently|briefly|jointly)\s+)*$/;
const SUBJECT_PREFIX = /^(?:-\s*|\d+(?:\.\d+)*\s+)?(?:[Tt]he\s+)?[A-Z][\w'’ -]{2,80}\($|^(?:-\s*|\d+(?:\.\d+)+\s+|\(?[\d]+\)\s*|\(?[a-z]\)\s*|\d+\.\s+)?(?:(?:In addition|Also|Then|Subsequently|Finally|Following this|Further to this|In response|However|Next|Afterwards|Thereafter|Lastly|Firstly|Secondly),?\s+)?(?:[Tt]he\s+)?$|\b(?:introduced|presented)\b[^;.]{0,160}?\s+and\s+(?:then\s+)?(?:the\s+)?$|[,;]\s*(?:and|while|whilst|before|after\s+which|following\s+which)\s+(?:then\s+)?(?:the\s+)?$|^(?:Further to|Following|With regard to|After|At|In|On behalf of|Turning to)\b[^;]{0,200},\s*(?:the\s+)?$|^[A-Z][\w'’ -]{2,80}:\s*(?:the\s+)?$/;

/**
 * "The Licensing Officer, Tamsin Oakley, presented …", "X introduced the item and the Waste
 * Manager, Mr Adair, presented …": a post where a subject may start, its holder after it in
 * apposition.
 */
function postInApposition(prefix: string): boolean {
  const m = /(?:[Tt]he\s+)?([A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|for|and|the|&)){0,8}),\s*$/.exec(prefix);
  return m !== null && looksLikeRole(m[1]!) && SUBJECT_PREFIX.test(prefix.slice(0, m.index));
}

interface ItemContext {
  item: number;
  sentence: Span;
  mentions: Mention[];
}

/** The subjects of a verb at `verbAt`: the nearest mentions before it, joined by "and" or commas. */
function subjectsBefore(text: string, ctx: ItemContext, verbAt: number): { who: Who; helpers: Who[] }[] {
  const before = ctx.mentions.filter((m) => m.span.end <= verbAt);
  for (let i = before.length - 1; i >= Math.max(0, before.length - 4); i--) {
    const m = before[i]!;
    if (verbAt - m.span.end > 240) break;
    const gap = text.slice(m.span.end, verbAt);
    const tailGap = m.tailEnd !== undefined && m.tailEnd <= verbAt ? text.slice(m.tailEnd, verbAt) : null;
    // "thanked Ann Lowe, Head of Ports, who gave a presentation", "introduced by X who gave an
    // update": a relative "who" takes the person just before it, whatever the clause around them.
    if (RELATIVE_WHO.test(gap) && m.who.kind === 'person') return [{ who: m.who, helpers: [] }];
    // "The Licensing Officer, Tamsin Oakley, presented": the name between the post and the verb.
    if (/^\s*,\s*$/.test(gap) && m.who.kind === 'person') {
      const opening = text.slice(ctx.sentence.start, Math.max(ctx.sentence.start, m.span.start));
      if (postInApposition(opening) || (m.leadStart !== undefined && SUBJECT_PREFIX.test(text.slice(ctx.sentence.start, Math.max(ctx.sentence.start, m.leadStart))) && /,\s*$/.test(opening))) return [{ who: m.who, helpers: [] }];
    }
    if (!APPOSITION_GAP.test(gap) && !(tailGap !== null && APPOSITION_GAP.test(tailGap))) continue;
    // "Jo Hale, assisted by Ravi Shah, gave …": the helper is not the subject.
    const helper = /^\s*,\s*(?:assisted|supported|accompanied|joined)\s+by\s/.test(gap);
    let first = i;
    while (first > 0 && /^\)?\s*(?:,|and|,\s*and|&)\s*(?:(?:[Tt]he\s+)?[A-Z][\w'’ -]{2,80}\()?$/.test(text.slice(before[first - 1]!.span.end, before[first]!.span.start))) first--;
    const opensAt = (f: number) => {
      const prefix = text.slice(ctx.sentence.start, Math.max(ctx.sentence.start, before[f]!.leadStart ?? before[f]!.span.start));
      return SUBJECT_PREFIX.test(prefix) || postInApposition(prefix);
    };
    // "introduced by X, and Y presented": X ends the clause before; the subjects start at Y.
    while (first < i && !opensAt(first)) first++;
    if (!opensAt(first)) {
      // The helper form puts the helper between subject and verb: look past it.
      if (!helper) return [];
    }
    if (helper) {
      const helpers = ctx.mentions.filter((x) => x.span.start >= m.span.end && x.span.end <= verbAt).map((x) => x.who);
      return before.slice(first, i + 1).map((x) => ({ who: x.who, helpers }));
    }
    return before.slice(first, i + 1).map((x) => ({ who: x.who, helpers: [] }));
  }
  // The helper form: "X, assisted by Y, gave": the mention nearest the verb is the helper.
  const helperGap = /,\s*(?:assisted|supported|accompanied|joined)\s+by\s+[^;.]{2,120}?,\s*$/.exec(text.slice(ctx.sentence.start, verbAt));
  if (helperGap) {
    const at = ctx.sentence.start + helperGap.index;
    const subject = before.filter((m) => m.span.end <= at).pop();
    if (subject && APPOSITION_GAP.test(text.slice(subject.span.end, at))) {
      const helpers = before.filter((m) => m.span.start >= at).map((m) => m.who);
      return [{ who: subject.who, helpers }];
    }
  }
  return [];
}

export interface Participation {
  attended: Claim[];
  presented: Claim[];
  introduced: Claim[];
  asked: Claim[];
}

/**
 * Between two people of one list, after the first one's post: ", and", ",", "and", "&", with
 * the post itself in apposition (", Assistant Director of Housing, and"), in brackets or not.
 */
const LIST_JOIN = /^(?:\s*,\s*(?:the\s+)?[A-Z][^,;.()]{0,100}(?:\([^()]{0,60}\))?)?\s*(?:\([^()]{0,100}\))?\s*(?:,\s*and|,|and|&|,\s*together\s+with|together\s+with|along\s+with|,\s*with)\s*$/;

const NEW_CLAUSE = /^\s*(?:\([^()]{0,100}\)\s*)?(?:(?:also|then|had|has|have|was|were)\s+)?(?:[a-z]+ed|gave|spoke|took|said|led|made|told|began|went|set)\b/;

function objectsIn(text: string, ctx: ItemContext, h: Hit): Who[] {
  const span = h.groups.who;
  if (!span) return [];
  const inside = ctx.mentions.filter((m) => m.span.start >= span.start && m.span.end <= span.end + 1 && m.who.kind !== 'chair');
  // "presented by Declan Rafferty, Assistant Director of Housing, and Ola Adeyemi, Head of
  // Finance": the group stops at the first post's comma; the list goes on past it.
  let last = inside[inside.length - 1];
  if (last && last.who.kind === 'person') {
    for (const m of ctx.mentions) {
      if (m.span.start < last.span.end) continue;
      if (m.who.kind !== 'person' || !LIST_JOIN.test(text.slice(last.span.end, m.span.start))) break;
      // "introduced by X, and Y presented the plan": Y opens a clause of their own.
      if (NEW_CLAUSE.test(text.slice(m.tailEnd ?? m.span.end, (m.tailEnd ?? m.span.end) + 40))) break;
      inside.push(m);
      last = m;
    }
  }
  return inside.map((m) => m.who);
}

export function findParticipation(text: string, doc: SegmentedDocument, index: MentionIndex): Participation {
  const out: Participation = { attended: [], presented: [], introduced: [], asked: [] };
  const push = (as: ClauseRule['as'], who: Who, ctx: ItemContext, r: string) => {
    const list = as === 'presenter' ? out.presented : as === 'introducer' ? out.introduced : as === 'attendee' ? out.attended : out.asked;
    list.push({ who, item: ctx.item, sentence: ctx.sentence, rule: r });
  };
  for (const item of doc.items) {
    if (item.lead) {
      const lead = index.within(item.lead.start, item.lead.end).find((m) => m.who.kind === 'person');
      if (lead) out.presented.push({ who: lead.who, item: item.ordinal, sentence: item.lead, rule: 'presenter.lead-line' });
    }
    const sentences = splitSentences(text, item.bodyStart, item.span.end);
    // "welcomed the officers in attendance to present the plan": whoever is listed attending presents.
    const presentersToo = TO_PRESENT.test(text.slice(item.bodyStart, item.span.end));
    let listing = false;
    for (const sentence of sentences) {
      const s = sentenceText(text, sentence);
      const ctx: ItemContext = { item: item.ordinal, sentence, mentions: index.within(sentence.start, Math.min(sentence.end, sentence.start + MAX_SENTENCE)) };
      // "In attendance were: -" then one bulleted person a line.
      if (listing) {
        const first = ctx.mentions.find((m) => m.who.kind === 'person');
        if (/^-\s/.test(s) && first) {
          push('attendee', first.who, ctx, 'attendee.listed-after-colon');
          if (presentersToo) push('presenter', first.who, ctx, 'attendee.listed-after-colon/to-present');
          continue;
        }
        listing = false;
      }
      if (LIST_INTRO.test(s) && !ctx.mentions.some((m) => m.who.kind === 'person')) {
        listing = true;
        continue;
      }
      if (ctx.mentions.length === 0) continue;
      let introducedAt = -1;
      for (const c of RULE_ORDER) {
        for (const h of hits(c.rule, s)) {
          const at = sentence.start + h.start;
          if (c.take === 'object') {
            const shifted: Hit = { ...h, groups: Object.fromEntries(Object.entries(h.groups).map(([k, v]) => [k, v ? { start: v.start + sentence.start, end: v.end + sentence.start } : v])) };
            for (const who of objectsIn(text, ctx, shifted)) push(c.as, who, ctx, c.rule.id);
          } else {
            const verbAt = h.groups.verb ? sentence.start + h.groups.verb.start : at;
            // "X was in attendance to present the report": attending to present is presenting.
            const toPresent = c.as === 'attendee' && /^\s*(?:to|in order to)\s+(?:present|give|deliver|provide\s+(?:a|an|the)\s+(?:\w+\s+)?(?:presentation|update|overview))\b/.test(s.slice(h.end));
            // "introduced the report and outlined …": the introducer, not a presenter too.
            // "X introduced the report, and Y outlined …": a new subject between them presents.
            if (c.as === 'presenter' && introducedAt >= 0 && introducedAt < verbAt && /^outlined|^set out|^summari[sz]ed/.test(h.text.verb ?? '') && !ctx.mentions.some((m) => m.who.kind === 'person' && m.span.start > introducedAt && m.span.end <= verbAt)) continue;
            const subjects = subjectsBefore(text, ctx, verbAt);
            for (const { who, helpers } of subjects) {
              push(c.as, who, ctx, c.rule.id);
              if (toPresent) push('presenter', who, ctx, `${c.rule.id}/to-present`);
              for (const helper of helpers) push('attendee', helper, ctx, `${c.rule.id}/helper`);
            }
            if (c.as === 'introducer' && subjects.length > 0) introducedAt = verbAt;
          }
        }
      }
    }
  }
  return out;
}
