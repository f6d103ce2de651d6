/**
 * Who took part in an item: welcomed or in attendance, who introduced the report, who
 * presented it. The grammar of minutes is narrow ("The Chair welcomed to the meeting …",
 * "The Chair invited the X to give the presentation", "Councillor X introduced the report",
 * "The Senior Auditor outlined …"), so a clause-level reading beats a general parser.
 */
import type { SegmentedDocument, Span } from '../segment/types.ts';
import { MAX_SENTENCE, sentenceText, splitSentences } from '../text/sentences.ts';
import type { Mention, MentionIndex } from './mentions.ts';
import type { Claim, PersonOccurrence, Who } from './types.ts';

const WELCOME = /\b(?:welcomed|invited to the meeting|[Aa]lso in attendance (?:were|was)|[Ii]n attendance (?:were|was)|[Aa]lso present (?:were|was))\b/;
const INVITE = /\binvited\s+([^.;]{1,300}?)\s+to\s+(present|give|deliver|introduce|provide|update|outline)\b/;
const PRESENT_VERB =
  /\b(?:presented|gave (?:a|an|the|her|his|their) (?:[a-z]+ ){0,3}(?:presentation|overview|update|report)|delivered (?:a|an|the|her|his|their) (?:[a-z]+ ){0,2}(?:presentation|overview|update)|provided (?:a|an|the) (?:[a-z]+ ){0,2}(?:overview|progress report|update|presentation)|outlined)\b/i;
const INTRO_VERB = /\bintroduced\b/;
const ATTEND_VERB = /\b(?:was|were|remained) (?:also )?(?:in attendance|present for (?:this|the) item)\b|\battended (?:for )?(?:this|the) item\b/;
/** Text allowed between a subject and its verb: an apposition or nothing. */
const APPOSITION_GAP = /^(?:\s*,[^;.]{0,200},\s*|\s*\([^()]{0,160}\)\s*|\s+-\s+[^;.]{0,200},\s*|\s+and\s+|\)\s*|\s*)$/;
const SUBJECT_PREFIX = /^(?:-\s*|\d+(?:\.\d+)*\s+)?(?:[Tt]he\s+)?[A-Z][\w'’ -]{2,80}\($|^(?:-\s*|\d+(?:\.\d+)+\s+|\(?[\d]+\)\s*|\(?[a-z]\)\s*)?(?:(?:In addition|Also|Then|Subsequently|Finally|Following this|Further to this|In response),?\s+)?(?:[Tt]he\s+)?$|\b(?:introduced|presented)\s+and\s+(?:the\s+)?$|^(?:Further to|Following|With regard to|After|At|In)\b[^;]{0,200},\s*(?:the\s+)?$/;
const TO_PRESENT = /\bin attendance to present\b|\bto present the\b/;

interface ItemContext {
  item: number;
  sentence: Span;
  mentions: Mention[];
}

function subjectsBefore(text: string, ctx: ItemContext, verbAt: number): Who[] {
  const before = ctx.mentions.filter((m) => m.span.end <= verbAt);
  // The subject stands just before its verb: only the nearest few mentions can be it.
  for (let i = before.length - 1; i >= Math.max(0, before.length - 3); i--) {
    const m = before[i]!;
    if (verbAt - m.span.end > 240) break;
    const gap = text.slice(m.span.end, verbAt);
    if (!APPOSITION_GAP.test(gap)) continue;
    // "Karen Jackson and Wendy Booth presented": walk back over "X and" / "X,".
    let first = i;
    while (first > 0 && /^\)?\s*(?:,|and|,\s*and)\s*(?:(?:[Tt]he\s+)?[A-Z][\w'’ -]{2,80}\()?$/.test(text.slice(before[first - 1]!.span.end, before[first]!.span.start))) first--;
    const prefix = text.slice(ctx.sentence.start, before[first]!.span.start);
    if (!SUBJECT_PREFIX.test(prefix)) return [];
    return before.slice(first, i + 1).map((x) => x.who);
  }
  return [];
}

function claim(who: Who, ctx: ItemContext): Claim {
  return { who, item: ctx.item, sentence: ctx.sentence };
}

export interface Participation {
  attended: Claim[];
  presented: Claim[];
  introduced: Claim[];
}

export function findParticipation(
  text: string,
  doc: SegmentedDocument,
  index: MentionIndex,
): Participation {
  const out: Participation = { attended: [], presented: [], introduced: [] };
  for (const item of doc.items) {
    const itemText = text.slice(item.bodyStart, item.span.end);
    const presentersToo = TO_PRESENT.test(itemText);
    if (item.lead) {
      const lead = index.within(item.lead.start, item.lead.end).find((m) => m.who.kind === 'person');
      if (lead) out.presented.push({ who: lead.who, item: item.ordinal, sentence: item.lead });
    }
    const sentences = splitSentences(text, item.bodyStart, item.span.end);
    let attendanceList = false;
    for (const sentence of sentences) {
      const s = sentenceText(text, sentence);
      const ctx: ItemContext = { item: item.ordinal, sentence, mentions: index.within(sentence.start, Math.min(sentence.end, sentence.start + MAX_SENTENCE)) };
      // "In attendance were: -" followed by one bulleted person a line.
      if (attendanceList) {
        if (/^-\s/.test(s) && ctx.mentions.some((m) => m.who.kind === 'person')) {
          const first = ctx.mentions.find((m) => m.who.kind === 'person')!;
          out.attended.push(claim(first.who, ctx));
          if (presentersToo) out.presented.push(claim(first.who, ctx));
          continue;
        }
        attendanceList = false;
      }
      const welcome = WELCOME.exec(s);
      if (welcome) {
        const from = sentence.start + welcome.index + welcome[0].length;
        const objects = ctx.mentions.filter((m) => m.span.start >= from && m.who.kind !== 'chair');
        if (objects.length === 0 && /:\s*-?\s*$/.test(s)) attendanceList = true;
        for (const m of objects) {
          out.attended.push(claim(m.who, ctx));
          if (presentersToo && /in attendance/i.test(welcome[0])) out.presented.push(claim(m.who, ctx));
        }
      }
      const invite = INVITE.exec(s);
      if (invite) {
        const from = sentence.start + invite.index + 'invited'.length;
        const to = from + invite[1]!.length + 1;
        const objects = ctx.mentions.filter((m) => m.span.start >= from && m.span.end <= to);
        const list = invite[2] === 'introduce' ? out.introduced : invite[2] === 'outline' ? out.presented : out.presented;
        for (const m of objects) list.push(claim(m.who, ctx));
      }
      const attend = ATTEND_VERB.exec(s);
      if (attend) for (const who of subjectsBefore(text, ctx, sentence.start + attend.index)) out.attended.push(claim(who, ctx));
      const intro = INTRO_VERB.exec(s);
      if (intro) for (const who of subjectsBefore(text, ctx, sentence.start + intro.index)) out.introduced.push(claim(who, ctx));
      const present = PRESENT_VERB.exec(s);
      if (present) {
        const at = sentence.start + present.index;
        const subjects = subjectsBefore(text, ctx, at);
        // "introduced the report and outlined …": the introducer, not a presenter.
        const introducedHere = intro && intro.index < present.index && /^outlined/i.test(present[0]);
        if (!introducedHere) for (const who of subjects) out.presented.push(claim(who, ctx));
      }
    }
  }
  return out;
}
