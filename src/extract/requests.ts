/**
 * What the body asked for: information, a report, a briefing, a visit, an officer's attendance.
 * Each family of phrasing is a rule whose `what` group holds the thing asked for:
 *
 *   "Members requested that a breakdown by ward be circulated."     request.requested
 *   "The Committee asked for a training session on treasury management."  request.asked
 *   "Councillor Ash sought an update on the timescale."              request.sought
 *   "Councillor Ash sought assurance that the work was funded."      request.sought-assurance
 *   "The Committee would welcome a report on the new charges."       request.would-welcome
 *   "That the Director be requested to submit a further report …"   request.be-requested-to
 *   "(2) That a report on exclusions be submitted to a future meeting."  request.resolved-arrange
 *   "That the Panel be kept informed of further progress."          request.kept-informed
 *   "Figures on delayed transfers to be circulated to members."     request.to-be
 *   "Jo Hale and Ravi Shah to produce a note on the links."          request.action
 *   "… the following areas should also be included in the Forward Plan:" + bullets
 *
 * The text kept is the thing asked for, without how it is to arrive ("be circulated to
 * members") or why ("to ensure that …"); one sentence asking for two things gives two requests.
 */
import type { SegmentedDocument, Span } from '../segment/types.ts';
import { hits, rule, type Hit, type Rule } from '../rules/engine.ts';
import { sentenceText, splitSentences } from '../text/sentences.ts';
import { looksLikeOrg } from '../lexicon/roles.ts';
import { ARRANGING_VERBS } from '../lexicon/verbs.ts';
import { alt } from '../rules/engine.ts';
import type { RequestClaim } from './types.ts';

const WHAT = '(?<what>[^.;]{3,400})';
const ARRANGE = alt(ARRANGING_VERBS);

export const REQUEST_RULES: Rule[] = [
  rule({
    id: 'request.requested',
    produces: 'request',
    reason: 'the body, members or a member "requested (that) X", "request X"; not a past request referred to ("as requested", "requested at the last meeting")',
    pattern: new RegExp(`(?:(?<![Aa]s\\s|[Ww]as\\s|[Ww]ere\\s|[Aa]re\\s|[Ii]s\\s|been\\s|[Pp]reviously\\s|first\\s|[Hh]ad\\s|[Hh]ave\\s|information\\s|data\\s|details\\s)\\b[Rr]equested|\\b[Ii]t\\s+was\\s+(?:also\\s+)?requested|\\b[Rr]equests\\s+(?=that\\b))\\s+(?!by\\b|at\\b|in\\b|from\\b|on\\b|for\\b|to\\b|previously)(?:that\\s+)?${WHAT}`, 'g'),
    examples: [
      { text: 'The Committee requested that a breakdown of missed collections by ward be circulated.', groups: { what: 'a breakdown of missed collections by ward be circulated' } },
      { text: 'Board members requested a breakdown of delayed discharges by reason.', groups: { what: 'a breakdown of delayed discharges by reason' } },
      { text: 'It was requested that the Annual Assurance Report be presented to December\'s meeting.', groups: { what: 'the Annual Assurance Report be presented to December\'s meeting' } },
      { text: '2) Requested that additional information be provided on the Harbour Service.', groups: { what: 'additional information be provided on the Harbour Service' } },
    ],
    counterexamples: ['The breakdown requested at the last meeting was attached.', 'As requested by the Panel, the data was circulated.', 'The number of requests for care plans rose.'],
  }),
  rule({
    id: 'request.asked',
    produces: 'request',
    reason: 'the body, members or a member "asked for X", "asked that X"; not "were asked to"',
    pattern: new RegExp(`(?<![Ww]ere\\s|[Ww]as\\s|been\\s)\\basked\\s+(?:for|that|to\\s+(?:receive|see|have\\s+sight\\s+of|be\\s+(?:provided|sent|given)(?:\\s+with)?))\\s+${WHAT}`, 'g'),
    examples: [
      { text: 'Members asked for a training session on treasury management.', groups: { what: 'a training session on treasury management' } },
      { text: 'The Committee asked that the Head of Procurement attend its next meeting.', groups: { what: 'the Head of Procurement attend its next meeting' } },
      { text: 'Members asked to receive a further update on the recruitment campaign.', groups: { what: 'a further update on the recruitment campaign' } },
      { text: 'The Panel asked to be provided with the figures for each locality.', groups: { what: 'the figures for each locality' } },
    ],
    counterexamples: ['Members were asked for their views.', 'Councillor Ash asked whether the scheme was funded.', 'Carers had asked for more respite.', 'the Forum, who had asked for it to be shorter'],
  }),
  rule({
    id: 'request.resolved-officer-to',
    produces: 'request',
    reason: 'a resolution that a named officer or post provide, circulate or bring something: "(b) that the Virtual School Headteacher provide a breakdown of results to the next meeting", "That the Director circulate the figures"',
    pattern: /(?:^|[;:]\s*|\(?\b[a-z0-9]{1,2}\)\s*|\b(?:RESOLVED|Resolved|resolved|AGREED|Agreed|agreed)\s*(?:[:–-]\s*)?)[Tt]hat\s+(?<who>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|and|&)){0,6})\s+(?:should\s+|would\s+|will\s+)?(?:provide|circulate|submit|prepare|produce|share|bring|send|arrange|supply|present|report\s+back\s+on|look\s+into)\s+(?<what>[^;.]{3,300}?)(?=,?\s*(?:and\s+)?\(?[a-z0-9]{1,2}\)\s|[;.]|$)/g,
    examples: [
      { text: 'Resolved - (a) That the annual report be noted, and (b) that the Virtual School Headteacher provide a breakdown of results for children placed out of county.', groups: { who: 'the Virtual School Headteacher', what: 'a breakdown of results for children placed out of county' } },
      { text: 'That the Director of Housing circulate the void figures to members.', groups: { what: 'the void figures to members' } },
    ],
    counterexamples: ['That the Council provides a range of services.', 'The Director would provide an update.'],
  }),
  rule({
    id: 'request.sought',
    produces: 'request',
    reason: '"sought an update / further information / a breakdown / a report on X"',
    pattern: new RegExp(`\\bsought\\s+(?<what>(?:an?\\s+|further\\s+|more\\s+|additional\\s+|written\\s+)*(?:update|information|details|breakdown|report|briefing|data|figures|clarification\\s+in\\s+writing)\\b[^.;]{0,300})`, 'g'),
    examples: [{ text: 'Councillor Ash sought an update on the timescale for the review.', groups: { what: 'an update on the timescale for the review' } }],
    counterexamples: ['The report sought approval of the strategy.', 'The Board sought approval of the plan.'],
  }),
  rule({
    id: 'request.sought-assurance',
    produces: 'request',
    reason: 'a member or the body "sought / asked for / requested (re)assurance or confirmation that X, about X": the assurance is what the meeting asked of officers',
    pattern: /\b(?:sought|seeking|requested|asked\s+for|wanted)\s+(?:some\s+|further\s+|additional\s+|written\s+)?(?<what>(?:re)?assurances?\s+(?:that|about|on|regarding|around|in\s+relation\s+to|over)\s+[^.;]{3,300}?)(?=\s*(?:[.;]|,\s*(?:and\s+)?(?:the|it|officers?|in\s+response)\b|$))/g,
    examples: [
      { text: 'Councillor Nadeem sought assurance that repairs would be completed before winter.', groups: { what: 'assurance that repairs would be completed before winter' } },
      { text: 'Mrs Okoro sought reassurance about the staffing of the new hub.', groups: { what: 'reassurance about the staffing of the new hub' } },
    ],
    counterexamples: ['The Committee was assured that the work was funded.', 'The report provided assurance that controls were working.', 'Members sought approval of the plan.'],
  }),
  rule({
    id: 'request.would-welcome',
    produces: 'request',
    reason: 'the body or members "would welcome / would like to see / wished to receive X": a wish the meeting records as something to come',
    pattern: new RegExp(`\\b(?:[Cc]ommittee|[Pp]anel|[Bb]oard|[Cc]ommission|[Mm]embers|[Ff]orum|[Cc]abinet|[Cc]hair(?:man|woman)?|[Ss]ub-[Cc]ommittee|[Gg]roup|(?:Councillor|Cllr\\.?)\\s+[A-Z][\\w'’-]+)\\s+(?:also\\s+|said\\s+(?:that\\s+)?(?:it|they|he|she)\\s+)?(?:would\\s+(?:welcome|like\\s+to\\s+(?:see|receive|have)|appreciate)|(?:wished|wish|asked)\\s+to\\s+(?:see|receive)|expressed\\s+(?:a|their|his|her)\\s+(?:wish|desire)\\s+to\\s+(?:see|receive))\\s+(?!the\\s+(?:opportunity|chance)\\b)(?<what>(?:an?|the|further|more|additional|regular|sight\\s+of|written|future)\\b[^.;]{3,300})`, 'g'),
    examples: [
      { text: 'The Committee would welcome a report on the impact of the new charges.', groups: { what: 'a report on the impact of the new charges' } },
      { text: 'Members would like to see a breakdown of the figures by ward.', groups: { what: 'a breakdown of the figures by ward' } },
      { text: 'The Panel expressed a wish to receive regular updates on the project.', groups: { what: 'regular updates on the project' } },
    ],
    counterexamples: ['The Chair would like to thank officers for the report.', 'Members would welcome the opportunity to comment.', 'Residents would like to see more buses.'],
  }),
  rule({
    id: 'request.be-requested-to',
    produces: 'request',
    reason: 'an officer or body "be (or was, were) requested / asked / invited to submit, provide, bring or report X": the resolution and the minute that reports it',
    pattern: new RegExp(`\\b(?:be|was|were)\\s+(?:requested|asked|invited|instructed)\\s+to\\s+(?:submit|provide|bring|present|circulate|report|prepare|produce|share|arrange|supply|send|give)\\s+(?:back\\s+)?(?!(?:their|his|her|its|our|any)\\s)${WHAT}`, 'g'),
    examples: [
      { text: 'That the Director be requested to submit a further report to the next meeting.', groups: { what: 'a further report to the next meeting' } },
      { text: 'Officers were asked to provide a breakdown of exclusions by school.', groups: { what: 'a breakdown of exclusions by school' } },
      { text: 'The Head of Finance was requested to circulate the revised figures.', groups: { what: 'the revised figures' } },
    ],
    counterexamples: ['The Director was asked to leave.', 'Members were asked to note the report.', 'Members were asked to give their views.'],
  }),
  rule({
    id: 'request.resolved-arrange',
    produces: 'request',
    reason: 'a resolution that something be provided, circulated, submitted, brought, arranged or scheduled: "(2) That a report on X be submitted to a future meeting"',
    pattern: new RegExp(`(?:^|[;(:]\\s*|\\b[a-z0-9]{1,2}\\)\\s*|\\b(?:RESOLVED|Resolved|resolved|agreed|AGREED)\\s*(?:[:–-]\\s*)?(?:that\\s+)?)(?:[Tt]hat\\s+)?(?<what>(?:(?:a|an|the|further|additional|regular|six-monthly|annual|quarterly|written|future|update)\\s+|(?!(?:it|this|these|those|they|he|she|we|members|officers|councillors|there|all|any|no)\\b)(?=[^;,]{0,60}?\\b(?:data|figures|statistics|numbers|breakdown|quotations|quotes|costings|analysis)\\b)[A-Za-z][\\w'’-]*\\s+(?=[a-z][\\w'’-]*(?:,|\\s)))[^;]{3,300}?),?\\s+(?:should\\s+|would\\s+|will\\s+)?be\\s+(?:${ARRANGE})\\b(?<rest>[^;.]{0,200})`, 'g'),
    examples: [
      { text: '(2) That a report on exclusion rates be submitted to a future meeting of the Panel.', groups: { what: 'a report on exclusion rates' } },
      { text: 'That a breakdown of enquiries by type be circulated to members.', groups: { what: 'a breakdown of enquiries by type' } },
      { text: '(ii) Missed collection figures broken down by round be provided to members.', groups: { what: 'Missed collection figures broken down by round' } },
      { text: '(2) That repair times data, split by tenure, be included in the next update.', groups: { what: 'repair times data, split by tenure' } },
    ],
    counterexamples: ['That the minutes be approved as a correct record.', 'That the report be noted.'],
  }),
  rule({
    id: 'request.kept-informed',
    produces: 'request',
    reason: 'that the body "be kept informed / updated / up to date" on something',
    pattern: /\b(?:the\s+)?(?<who>committee|panel|board|commission|members|council|forum|cabinet|sub-committee)\s+(?:should\s+|would\s+)?be\s+kept\s+(?<how>informed|updated|up\s+to\s+date|abreast|appraised|apprised)(?:\s+(?:of|on|with|about))?(?<what>[^.;]{0,200})/gi,
    examples: [{ text: '(b) that the panel be kept informed of further progress.', groups: { who: 'panel', what: ' further progress' } }],
    counterexamples: ['Members were kept busy.'],
  }),
  rule({
    id: 'request.to-be',
    produces: 'request',
    reason: 'an action line or resolution part in the infinitive: "Figures to be circulated to members.", "2. At the next board a work programme to be agreed by the board."; not the minutes or the report itself',
    pattern: /^(?:-\s*)?(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s*)?(?:(?:[Aa]t|[Bb]y|[Bb]efore|[Ff]or)\s+(?:the\s+)?(?:next|following|a\s+future)\s+(?:meeting|board|committee|panel|commission|forum)\s+)?(?<what>(?:[Aa]n?|[Tt]he|[Ff]urther|[Aa]dditional|[Rr]egular|[Ww]ritten|[Uu]pdated?|[Ff]igures|[Dd]etails|[Ii]nformation|[Dd]ata|[Bb]riefing)\b(?:(?!\b(?:was|were|is|are|had|has|have|introduced|noted|said|explained|reported|advised|confirmed|agreed|stated|presented|outlined)\b)[^.;]){2,200}?)\s+to\s+be\s+(?<verb>provided|circulated|brought|presented|submitted|shared|arranged|agreed|reported|scheduled|added|sent|prepared|produced)\b(?<rest>[^.;]{0,120})/g,
    examples: [
      { text: 'Figures on delayed transfers to be circulated to members.', groups: { what: 'Figures on delayed transfers', verb: 'circulated' } },
      { text: '2. at the next board a work programme of future items to be agreed by the board.', groups: { what: 'a work programme of future items', verb: 'agreed' } },
      { text: '- A briefing on the new contract to be arranged for all councillors.', groups: { what: 'A briefing on the new contract', verb: 'arranged' } },
    ],
    counterexamples: ['The minutes to be approved at the next meeting.', 'Members noted that the plan was to be agreed by Cabinet.', 'The report to be noted.', 'The Cabinet Member introduced the plan and noted that it was the first to be presented.'],
  }),
  rule({
    id: 'request.action',
    produces: 'request',
    reason: 'an action note: named people or a post "to produce, provide, circulate, share or bring X"',
    pattern: /^(?:-\s*)?(?<who>(?:(?:[A-Z][\w'’-]+|the)\s+){1,4}(?:and\s+(?:[A-Z][\w'’-]+\s+){1,3})?)to\s+(?:produce|provide|circulate|prepare|share|bring|send|arrange|draft|write|supply|report back on|look into)\s+(?<what>[^.;]{3,300})/g,
    examples: [{ text: 'Jo Hale and Ravi Shah to produce a note on the links to the partnerships.', groups: { what: 'a note on the links to the partnerships' } }],
    counterexamples: ['The aim was to produce a plan.'],
  }),
];

export const FOLLOWING_LIST_RULE = rule({
  id: 'request.following-list',
  produces: 'request',
  reason: 'a sentence saying that "the following (areas, items, topics) should be included / added / brought forward", each bullet after it a request',
  pattern: /\bthe\s+following\s+(?:areas|items|topics|matters|issues|subjects|reports|updates)?\s*(?:should|would|be|to|were)?\s*(?:also\s+)?(?:be\s+)?(?<pred>(?:included|added|brought forward|brought back|scheduled|considered)\b[^:]{0,120}?)\s*:\s*$/gim,
  needs: /following/i,
  examples: [{ text: 'It was suggested that the following areas should also be included in the Forward Plan:', groups: { pred: 'included in the Forward Plan' } }],
  counterexamples: ['The following members were present:'],
});

/**
 * How the thing is to arrive, not what it is: "be provided to the Commission", "be circulated to
 * members". What follows it stays when it says more about the thing ("… be provided on the
 * Harbour Service", "be provided in writing on childcare"); anything else after it goes.
 */
const HOW = /\s+(?:should\s+|would\s+|will\s+)?be\s+(?:provided|arranged|circulated|made available|shared|submitted|sent|brought|presented|reported|scheduled|prepared|produced|added|included|distributed|forwarded|organised|organized|undertaken|considered|given)(?:\s+(?:to|for)\s+(?:all\s+)?(?:the\s+)?(?:Commission|Committee|Panel|Board|Council|Cabinet|Forum|members|Members|councillors|Councillors)(?:\s+of\s+the\s+\w+)?)?(?<after>.*)$/i;
const ABOUT = /^\s*(?:,\s*)?(?:on|about|relating to|regarding|in relation to|in writing|by|setting out|including|detailing|showing|with|into|covering|broken down|of)\b/i;
const PURPOSE = /\s+(?:to ensure|so that|in order to|to enable|to allow|which would|as this|because|since|due to|following which|once it had|so as to)\b.*$/i;
const TIME = /\s+(?:at its|at the|by the end of|before the|in time for)\s+[^,]*\s+meeting$/i;

/** "a date be arranged to enable the panel to conduct a site visit": the visit is what was asked for. */
const ENABLE = /\bto\s+enable\s+(?:the\s+)?(?:panel|committee|commission|board|members|council|forum)\s+to\s+(?:conduct|undertake|carry out|receive|hold|make|visit)\s+/i;

function tidy(raw: string, keepPredicate = false): string {
  const enabled = ENABLE.exec(raw);
  if (enabled) raw = raw.slice(enabled.index + enabled[0].length);
  // "the Chair had visited …, and a report on the outcome be submitted": the thing asked for is the last part.
  const beAt = raw.search(/\s+(?:should\s+|would\s+)?be\s+/);
  if (beAt > 0 && /\b(?:had|has|was|were|is|are)\s+\w+ed\b/.test(raw.slice(0, beAt))) {
    const part = /(?:^|,\s*|\s+and\s+)((?:a|an|the|further|additional)\s+[^,]*)$/.exec(raw.slice(0, beAt));
    if (part) raw = part[1]! + raw.slice(beAt);
  }
  const full = raw.replace(PURPOSE, '').replace(/[\s.;:,]+$/, '').replace(/\s+/g, ' ').trim();
  const thing = tidyThing(raw);
  // "the final strategy be brought back to the Commission": a short subject is nothing asked for
  // on its own; what is to happen to it is the request.
  if (keepPredicate || thing.split(/\s+/).length <= 4) return full.replace(/^(?:that)\s+/i, '');
  return thing;
}

function tidyThing(raw: string): string {
  return raw
    .replace(/,?\s*(?:and\s+)?\([a-z0-9]{1,3}\)\s.*$/, '')
    .replace(PURPOSE, '')
    .replace(HOW, (_m, ...args) => {
      const after = (args[args.length - 1] as { after?: string }).after ?? '';
      return ABOUT.test(after) ? ` ${after.trim()}` : '';
    })
    .replace(TIME, '')
    .replace(/^(?:that|the committee|the panel|the board|members|it)\s+(?=(?:a|an|the|further|more)\b)/i, '')
    .replace(/^(?:the|that)\s+(?=(?:a|an)\s)/i, '')
    .replace(/[\s.;:,]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "X, and that Y": one sentence, two things asked for. */
function split(what: string): string[] {
  return what.split(/,?\s+and\s+(?:that|asked\s+(?:for|that)|requested(?:\s+that)?)\s+/i).map((w) => w.trim()).filter(Boolean);
}

function bodyOf(subject: string | null, fallback: string | null): string | null {
  return subject && looksLikeOrg(subject) ? subject : fallback;
}

export function findRequests(text: string, doc: SegmentedDocument, body: string | null): RequestClaim[] {
  const out: RequestClaim[] = [];
  for (const item of doc.items) {
    const seen = new Set<string>();
    const add = (raw: string, sentence: Span, r: string, by: string | null, keepPredicate = false) => {
      // A move to a later meeting is a deferral, not a request, unless it was "requested" in so
      // many words ("X requested that the report be delayed to December").
      if (r !== 'request.requested' && /\bbe\s+(?:moved|deferred|postponed|delayed|held over|rescheduled|carried forward)\b/i.test(raw)) return;
      // "the recommendation be agreed": a decision in the same sentence, not a request.
      if (r !== 'request.to-be' && /\bbe\s+(?:agreed|approved|noted|endorsed|accepted|adopted|supported|received|confirmed|ratified)\b/i.test(raw)) return;
      const t = tidy(raw, keepPredicate);
      if (t.split(/\s+/).length < 2 || t.length > 260) return;
      const key = t.toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ item: item.ordinal, text: t, by, sentence, rule: r });
    };
    const sentences = splitSentences(text, item.bodyStart, item.span.end);
    for (let k = 0; k < sentences.length; k++) {
      const sentence = sentences[k]!;
      const s = sentenceText(text, sentence);
      if (!/equest|asked|sought|welcome|would like|wish|be kept|to be|\bto (?:produce|provide|circulate|prepare|share|bring|send|arrange)\b|\bbe\s+(?:arranged|provided|circulated|submitted|brought|scheduled|prepared|produced|shared|presented|reported|added|included|made available|sent|distributed|forwarded|organised|undertaken|considered)\b|following/.test(s)) continue;
      // "the following areas should also be included in the Forward Plan:" then bullets.
      const list = hits(FOLLOWING_LIST_RULE, s)[0];
      if (list) {
        for (let b = k + 1; b < sentences.length; b++) {
          const bullet = sentenceText(text, sentences[b]!);
          if (!/^-\s/.test(bullet) && !/^[A-Z][^.]{0,80}$/.test(bullet)) break;
          add(`${bullet.replace(/^-\s*/, '').replace(/\s+[-–].*$/, '')} be ${list.text.pred}`, sentences[b]!, FOLLOWING_LIST_RULE.id, body, true);
        }
        continue;
      }
      for (const r of REQUEST_RULES) {
        for (const h of hits(r, s)) {
          const what = requestText(r, h, s);
          if (!what) continue;
          const subject = /^(?:-\s*)?((?:[A-Z][\w'&-]*)(?:\s+(?:[A-Z][\w'&-]*|and|of|for|the))*)\s+(?:requested|asked)\b/.exec(s)?.[1] ?? null;
          // Officers asking for more time, applicants asking for an adjournment: not the body's request.
          if (/\b(?:officers?|the applicant|applicants?|the agent|the objectors?|the petitioners?|the licence holder)\s+(?:had\s+)?(?:requested|asked)\b/i.test(s.slice(0, h.start + 12))) continue;
          // "Carers had asked for more help", "the Forum, who had asked for it to be shorter": what
          // service users or consultees asked for is reported, not asked of the meeting.
          if (/\b(?:who|they|carers|families|parents|residents|young people|children|pupils|students|service users|users|tenants|the public|respondents|partners)\s+(?:had\s+|have\s+|also\s+)*(?:requested|asked)\b/i.test(s.slice(Math.max(0, h.start - 40), h.start + 12))) continue;
          for (const w of split(what)) add(w, sentence, r.id, bodyOf(subject, body));
        }
      }
    }
  }
  return out;
}

function requestText(r: Rule, h: Hit, s: string): string | null {
  // A resolution's whole clause, "a date be arranged to enable the panel to …", is read by tidy().
  // It ends where the resolution's next numbered part begins: "…, (b) that the situation be noted".
  const what = (r.id === 'request.resolved-arrange' && h.groups.what ? s.slice(h.groups.what.start, h.end) : (h.text.what ?? '')).replace(/,?\s*(?:and\s+)?\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s.*$/, '');
  // "the Leader agreed that these be circulated": the thing asked for starts after the clause that reports it.
  if (r.id === 'request.resolved-arrange') {
    const reported = [...what.matchAll(/\b(?:agreed|agrees|resolved|resolves|noted|notes|thanked|thanks|confirmed|confirms)\s+that\s+/gi)].pop();
    if (reported) {
      const rest = what.slice(reported.index! + reported[0].length);
      // "these be circulated": the thing is named elsewhere; a pronoun is no request on its own.
      return /^(?:these|those|this|that|it|they|them)\b/i.test(rest) ? null : requestTextFrom(rest, r, h);
    }
  }
  return requestTextFrom(what, r, h);
}

function requestTextFrom(what: string, r: Rule, h: Hit): string | null {
  // "The Chair requested that the matter be deferred": the item's own business moved, a deferral only.
  if (/^(?:the\s+)?(?:matter|item|this item|it|report|decision)\s+be\s+(?:deferred|postponed|held over|withdrawn)\b/i.test(what.trim())) return null;
  if (r.id === 'request.to-be') {
    // "The minutes to be approved", "the report to be noted": the business itself, nothing to come.
    if (/^(?:the\s+)?(?:minutes|report|recommendations?|decision|notes)\b/i.test(what.trim())) return null;
    // What is to be agreed later is asked for whole ("a work programme … to be agreed by the board");
    // what is to be sent is the thing alone.
    return h.text.verb === 'agreed' ? `${what.trim()} to be agreed${(h.text.rest ?? '').replace(/\s+$/, '')}` : what;
  }
  if (r.id === 'request.kept-informed') return `the ${h.text.who!.toLowerCase()} to be kept ${h.text.how!.toLowerCase()}${what.trim() ? ` of ${what.trim()}` : ''}`;
  if (r.id === 'request.resolved-arrange') {
    // "That the report be noted" and the like are no request: the thing must be something to come.
    if (/^(?:the\s+)?(?:minutes|report|recommendations?|update|information|contents?|comments|decision|progress|position|actions?)\b(?!\s+(?:on|of|about|from|setting|detailing|outlining|providing|regarding|into))/i.test(h.text.what ?? '')) return null;
    return what;
  }
  if (r.id === 'request.asked' && /^(?:whether|if|how|what|why|when|where|who)\b/i.test(what)) return null;
  return what;
}
