/**
 * Posts stated in sentences about a named person, as rules: appointed or elected to a post, a
 * capacity declared ("declared an interest as a governor of …"), a post the person says they
 * hold ("notified that she is CEO of …"), "one of the … Trustees", and the post written before
 * a name ("the Chair of the Partnership, Councillor X", "former Commissioner Y"). The posts
 * written beside a name ("X, Head of Service", "X (Chair)") are read by src/extract/roles.ts
 * and the list parser.
 *
 * Each rule is anchored at the name: `after` rules match the text that follows the name (up to
 * the next name), `before` rules the text that leads up to it (from the clause's start).
 */
import { firstHit, hits, rule, type Rule } from '../rules/engine.ts';
import { CAPACITY_HEADS, CAPACITY_MODIFIERS, ROLE_HEADS } from '../lexicon/roles.ts';
import type { Span } from '../segment/types.ts';

const alt = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&').replace(/ /g, '\\s+')).join('|');

const CAP = `[A-Z][\\w'’&-]*`;
/** Every way a lexicon entry is printed: "governor", "Governor", "GOVERNOR", "Chief Executive". */
const cased = (words: readonly string[]) => words.flatMap((w) => [w, w.replace(/(^|[\s-])([a-z])/g, (_, s: string, c: string) => s + c.toUpperCase()), w.toUpperCase()]);
/** A head of a post in either case ("governor", "Trustee", "CEO"). */
const HEAD = `(?:${alt(cased(CAPACITY_HEADS))})`;
const CAP_HEAD = `(?:${alt([...ROLE_HEADS].flatMap((h) => [h[0]!.toUpperCase() + h.slice(1), h.replace(/(^|[\s-])([a-z])/g, (_, b: string, c: string) => b + c.toUpperCase())]))}|${alt(['CEO', 'CFO', 'COO'])})`;
/** "and" inside an organisation's name joins names, not a second post: "St George and St Theresa's School". */
const ORG_AND = `and(?=\\s+(?!(?:a|an|the|as|that)\\b)(?!${CAP_HEAD}\\b)[A-Z])`;
/** A comma in a list of remits that "and" closes: "the Children's, Young People and Education Committee". */
const ORG_LIST_COMMA = `,(?=\\s+(?!(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\\b)${CAP}(?:\\s+${CAP}){0,3}\\s+and\\s+[A-Z])`;
const ORG = `(?:the\\s+)?${CAP}(?:\\s+(?:${CAP}|of|for|the|&|${ORG_AND}|\\(${CAP}\\))|${ORG_LIST_COMMA})*`;
/** A capacity: "a governor at Ty Gwyn School", "founder trustee of Halcyon Foundation", "Board member of TSS". */
const CAPACITY = `(?:(?:${alt(cased(CAPACITY_MODIFIERS))}|${CAP})\\s+){0,3}${HEAD}(?:\\s+of\\s+Governors)?\\s+(?:of|at|for|with|on|to)\\s+${ORG}`;
/** A capitalised post: "Deputy Cabinet Member for Adult Social Care", "Chair", "Social Prescriber". */
const POST = `(?:${CAP}\\s+){0,4}${CAP_HEAD}(?:\\s+(?:of|for|to|on|at)\\s+${ORG})?`;
const POST_OR_CAPACITY = `(?:${CAPACITY}|${POST})`;
const ARTICLE = `(?:(?:a|an|the|its|their|our)\\s+)?`;
const PRONOUN_IS = `(?:she|he|they)\\s+(?:is|was|were|are|had\\s+been|has\\s+been)(?:\\s+also)?`;

export interface RoleRule {
  rule: Rule;
  /** Which side of the name the pattern reads. */
  side: 'after' | 'before';
  /** Posts written in the plural ("one of the co-opted Trustees") are held in the singular. */
  singular?: boolean;
}

export const ROLE_RULES: RoleRule[] = [
  { side: 'after', rule: rule({
    id: 'role.appointed',
    produces: 'role',
    reason: 'appointed, elected, nominated or confirmed to a post: "be elected as the Chair", "was appointed Vice-Chair of the Board", "be elected to serve as Chair", "was declared as Chair of the Committee", "is the Chair of the Board"',
    pattern: new RegExp(`^(?:\\s+(?:${CAP}\\s+){0,2}?)?\\s*(?:(?:be|is|was|were|has\\s+been|had\\s+been|would\\s+be)\\s+)?(?:(?:re-?)?(?:appointed|elected|nominated|confirmed|declared|selected|installed|chosen)(?:\\s+by\\s+[^,.;]{2,40}?(?=\\s+(?:to\\s+(?:serve|be|act|continue)|as)\\b))?(?:\\s+to\\s+(?:serve|be|act|continue))?(?:\\s+(?:as|to\\s+the\\s+(?:post|position|role)\\s+of))?\\s+(?!by\\b)|(?:is|was|be)\\s+(?=the\\s))${ARTICLE}(?:new\\s+|second\\s+|first\\s+)?(?<role>${POST})`),
    examples: [
      { text: ' be elected as the Chair for the year.', groups: { role: 'Chair' } },
      { text: ' was appointed Vice-Chair of the Licensing Board.', groups: { role: 'Vice-Chair of the Licensing Board' } },
      { text: ' be elected to serve as Chair until May.', groups: { role: 'Chair' } },
      { text: ' is the Chair of the Safeguarding Board.', groups: { role: 'Chair of the Safeguarding Board' } },
      { text: ' was nominated by the Leader to be the Chair of the Adults, Health and Housing Committee.', groups: { role: 'Chair of the Adults, Health and Housing Committee' } },
    ],
    // Who nominated is no post of the nominee's.
    counterexamples: [' was thanked for the report.', ' be elected.', ' was nominated by the Leader.'],
  }) },
  { side: 'after', rule: rule({
    id: 'role.stated',
    produces: 'role',
    reason: 'a person says what post they hold: "notified that she is CEO of …", "declared that he was a Director of …", "advised the committee that she is a Trustee of …", "on the ground that she was a governor of …"',
    pattern: new RegExp(`^[^.;:]{0,160}?\\bthat\\s+${PRONOUN_IS}\\s+${ARTICLE}(?<role>${POST_OR_CAPACITY})`),
    examples: [
      { text: ' notified that she is CEO of Brightwater Refuge, which is funded.', groups: { role: 'CEO of Brightwater Refuge' } },
      { text: ' declared that he was a governor of Elm Lane Primary School.', groups: { role: 'governor of Elm Lane Primary School' } },
    ],
    counterexamples: [' noted that she was pleased with progress.'],
  }) },
  { side: 'after', rule: rule({
    id: 'role.capacity-as',
    produces: 'role',
    reason: 'the capacity in which a person acts or has an interest: "declared a personal interest as a governor of …", "as an employee of …", "Cllr X as a Trustee of …", "as the Chairman of the … Committee"',
    pattern: new RegExp(`^[^.;:]{0,140}?\\bas\\s+${ARTICLE}(?<role>${CAPACITY})`),
    examples: [
      { text: ' declared a personal interest as a governor of Hill Top Academy.', groups: { role: 'governor of Hill Top Academy' } },
      { text: ' as an employee of Wessex Water Services.', groups: { role: 'employee of Wessex Water Services' } },
      { text: ' declared an interest as the Chairman of the Adoption Panel.', groups: { role: 'Chairman of the Adoption Panel' } },
    ],
    counterexamples: [' spoke as a member of the public.', ' attended as a substitute for Cllr Webb.'],
  }) },
  { side: 'after', rule: rule({
    id: 'role.also-capacity',
    produces: 'role',
    reason: 'a second capacity after the first: "… and a Governor of …", "; founder trustee of …", "and that she was a Social Prescriber", "and as Chair of Governors at …"',
    pattern: new RegExp(`^(?:\\s*[;,]\\s*(?:and\\s+)?|\\s*,?\\s+and\\s+)(?:as\\s+|that\\s+${PRONOUN_IS}\\s+)?${ARTICLE}(?<role>${POST_OR_CAPACITY})`),
    examples: [
      { text: ' and a Governor of Meadow School', groups: { role: 'Governor of Meadow School' } },
      { text: '; founder trustee of Harbour Lights Foundation', groups: { role: 'founder trustee of Harbour Lights Foundation' } },
      { text: ' and that she was a Social Prescriber.', groups: { role: 'Social Prescriber' } },
    ],
    counterexamples: [' and the report was noted.'],
  }) },
  { side: 'after', singular: true, rule: rule({
    id: 'role.one-of',
    produces: 'role',
    reason: 'a post held among several: "R. Vale, one of the Parish Council nominated Trustees", "one of our Parent Governor Representatives"',
    pattern: /^,?\s+one\s+of\s+(?:the|our|its|their|two|three)\s+(?<role>(?:[\w'’-]+\s+){0,5}?(?:Trustees|Governors|Directors|Representatives|Members|Advisers|Advisors|Officers|Champions|Commissioners|Deputies|representatives|members|trustees|governors))\b/,
    needs: /one/,
    examples: [{ text: ', one of the Parish Council nominated Trustees', groups: { role: 'Parish Council nominated Trustees' } }],
    counterexamples: [', one of the reasons'],
  }) },
  { side: 'after', rule: rule({
    id: 'role.who-is',
    produces: 'role',
    reason: 'a relative clause that names the post: "Sam, who is my mentee from the shadowing scheme", "X, who is the Chair of the Forum"',
    pattern: new RegExp(`^,?\\s+who\\s+(?:is|was)\\s+(?:also\\s+)?(?:my|our|the|a|an|his|her|their)\\s+(?<role>${POST_OR_CAPACITY}|(?:[a-z][\\w-]*\\s+){0,2}(?:${alt(CAPACITY_HEADS)})(?:\\s+(?:from|of|for|at|with)\\s+(?:the\\s+)?[\\w'’-]+(?:\\s+(?:[\\w'’-]+)){0,6}?)?)(?=\\s+(?:as|and|who|to)\\b|\\s*[,.;]|$)`),
    examples: [
      { text: ', who is the Chair of the Youth Forum, spoke.', groups: { role: 'Chair of the Youth Forum' } },
      { text: ' who is my mentee from the shadowing scheme for new members as part of', groups: { role: 'mentee from the shadowing scheme for new members' } },
    ],
    counterexamples: [', who is unable to attend.'],
  }) },
  { side: 'after', rule: rule({
    id: 'role.apposition-the',
    produces: 'role',
    reason: 'a post after the name with "the" and no comma: "Tony Marsh the Chairman of the Riverside Trust was in attendance"',
    pattern: new RegExp(`^\\s+the\\s+(?<role>${POST})(?=\\s+(?:was|were|had|has|is|who|gave|presented|attended|spoke|explained|advised)\\b|\\s*[,.;]|$)`),
    examples: [{ text: ' the Chairman of the Riverside Trust was in attendance', groups: { role: 'Chairman of the Riverside Trust' } }],
    counterexamples: [' the report'],
  }) },
  { side: 'before', rule: rule({
    id: 'role.before-name',
    produces: 'role',
    reason: 'the post written before the name: "The Chair of the Community Safety Partnership, Councillor X", "former Police and Crime Commissioner Y", "co-opted member Councillor Z", "the Cabinet Member for Housing, Cllr W"',
    pattern: new RegExp(`(?:^|[\\s(])(?<role>(?:(?:former|acting|interim|outgoing|incoming|co-opted|new)\\s+)?(?:(?:${CAP},?|and|&|of|for|the)\\s+){0,6}?(?:${CAP_HEAD}|member|representative)(?:\\s+(?:of|for|to|on|at)\\s+${ORG})?)(?:\\s*,\\s*|\\s+)$`),
    examples: [
      { text: 'The Chair of the Harbour Safety Partnership, ', groups: { role: 'The Chair of the Harbour Safety Partnership' } },
      { text: 'and former Police, Fire and Crime Commissioner ', groups: { role: 'former Police, Fire and Crime Commissioner' } },
      { text: 'and co-opted member ', groups: { role: 'co-opted member' } },
    ],
    counterexamples: ['On a motion from ', 'seconded by '],
  }) },
];

export interface StatedRole {
  title: string;
  span: Span;
  rule: string;
}

const singular = (t: string) => t.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');

/**
 * The posts the sentences around one name state: `clauseStart`..`nameStart` is the text before
 * the name, `nameEnd`..`limit` after it. `afterName` says the clause opens straight after another name.
 */
export function statedRoles(text: string, clauseStart: number, nameStart: number, nameEnd: number, limit: number, afterName: boolean): StatedRole[] {
  const out: StatedRole[] = [];
  const push = (r: RoleRule, span: Span) => {
    const raw = text.slice(span.start, span.end).replace(/\s+/g, ' ').replace(/[\s,.]+$/, '').replace(/^(?:the|a|an)\s+/i, '');
    const title = r.singular ? singular(raw) : raw;
    if (!out.some((o) => o.title === title)) out.push({ title, span, rule: r.rule.id });
  };
  const end = Math.min(limit, nameEnd + 300);
  for (const r of ROLE_RULES) {
    if (r.side === 'before') {
      if (clauseStart >= nameStart) continue;
      // A post before a name is a few words long; reading only the last 120 characters keeps this
      // linear in the clause (the pattern is anchored at its end, so the engine tries every start).
      let from = Math.max(clauseStart, nameStart - 120);
      if (from > clauseStart) {
        const space = text.slice(from, nameStart).search(/\s/);
        from = space < 0 ? nameStart : from + space + 1;
      }
      const h = hits(r.rule, text, from, nameStart).find((x) => x.end === nameStart);
      // "Cllr Cusworth, the Cabinet Member for CYPS, Helen Sweaton, …": a post straight after
      // another name is that person's, written after it.
      if (h?.groups.role && !(afterName && /^[\s,–-]*(?:the\s+)?$/i.test(text.slice(clauseStart, h.groups.role.start)))) push(r, h.groups.role);
      continue;
    }
    if (r.rule.id === 'role.also-capacity') continue;
    const h = firstHit(r.rule, text, nameEnd, end);
    if (!h?.groups.role) continue;
    push(r, h.groups.role);
    // A capacity may be followed by more: "a Director of X and a Governor of Y".
    if (r.rule.id === 'role.stated' || r.rule.id === 'role.capacity-as') {
      const also = ROLE_RULES.find((x) => x.rule.id === 'role.also-capacity')!;
      let at = h.groups.role.end;
      for (let guard = 0; guard < 4; guard++) {
        const more = firstHit(also.rule, text, at, end);
        if (!more?.groups.role) break;
        push(also, more.groups.role);
        at = more.groups.role.end;
      }
    }
  }
  return out;
}
