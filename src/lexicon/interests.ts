/**
 * The words of declarations of interest: the kinds of interest the codes of conduct of England,
 * Wales, Scotland and Northern Ireland name, the verbs of declaring, and the sentences that say
 * nobody declared anything. src/extract/declarations.ts builds its rules from these lists.
 */

/** The kinds of interest the API and the answer key know. */
export const INTEREST_KINDS = ['PECUNIARY', 'NON_PECUNIARY', 'OTHER_REGISTRABLE', 'UNSPECIFIED'] as const;
export type InterestKind = (typeof INTEREST_KINDS)[number];

/**
 * Adjectives before "interest" and the kind each means. Longest first when matched, so
 * "non-pecuniary" is not read as "pecuniary" and "personal and prejudicial" as prejudicial.
 */
export const INTEREST_KIND_WORDS: readonly (readonly [string, InterestKind])[] = [
  ['disclosable pecuniary', 'PECUNIARY'],
  ['personal and prejudicial', 'PECUNIARY'],
  ['personal and pecuniary', 'PECUNIARY'],
  ['prejudicial and personal', 'PECUNIARY'],
  ['non-pecuniary', 'NON_PECUNIARY'],
  ['non pecuniary', 'NON_PECUNIARY'],
  ['nonpecuniary', 'NON_PECUNIARY'],
  ['pecuniary', 'PECUNIARY'],
  ['prejudicial', 'PECUNIARY'],
  ['non-financial', 'NON_PECUNIARY'],
  ['non financial', 'NON_PECUNIARY'],
  ['financial', 'PECUNIARY'],
  ['other registrable', 'OTHER_REGISTRABLE'],
  ['other registerable', 'OTHER_REGISTRABLE'],
  ['registrable', 'OTHER_REGISTRABLE'],
  ['non-registrable', 'NON_PECUNIARY'],
  ['non registrable', 'NON_PECUNIARY'],
  ['non-registerable', 'NON_PECUNIARY'],
  ['personal', 'NON_PECUNIARY'],
  ['significant', 'UNSPECIFIED'],
  ['other', 'UNSPECIFIED'],
  ['general', 'UNSPECIFIED'],
  ['private', 'UNSPECIFIED'],
];

/** "declared", "disclosed", "registered": the verb a declarer is the subject of. */
export const DECLARING_VERBS = ['declared', 'disclosed', 'registered', 'indicated', 'reported', 'noted', 'made a declaration of', 'made a declaration'] as const;

/** What the interest is: the clause after these ("as a governor of …", "by virtue of being …"). */
export const INTEREST_BECAUSE = [
  'as she is', 'as he is', 'as they are', 'as she was', 'as he was', 'as they were', 'as', 'because she is', 'because he is',
  'because they are', 'because she was', 'because he was', 'because they were', 'by virtue of being', 'by virtue of',
  'being', 'in that she is', 'in that he is', 'in that she was', 'in that he was', 'due to being', 'due to', 'owing to',
] as const;

/** What the declarer then did: the end of the interest text ("… and left the room"). */
export const INTEREST_AFTERMATH = [
  'and left the room', 'and left the meeting', 'and left the chamber', 'and withdrew', 'and took no part',
  'and did not take part', 'and remained', 'and stayed', 'and would leave', 'and would not take part',
  'and would take no part', 'and left', 'and was not present', 'and did not vote', 'and abstained', 'and would not vote',
  'but remained', 'but took part', 'and participated', 'and took part', 'and spoke', 'and did not speak',
] as const;

/** Sentences that say there was nothing to declare. */
export const NO_DECLARATIONS = [
  'no declarations', 'no interests were declared', 'no declarations of interest', 'there were none', 'none were declared',
  'no interests declared', 'nil', 'none', 'no disclosures', 'no declarations were made', 'none received', 'none declared',
] as const;
