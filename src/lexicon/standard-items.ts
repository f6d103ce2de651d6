/**
 * The standard business of English, Welsh, Scottish and Northern Irish committee meetings: the
 * items every agenda carries, with the titles they are printed under and the sentences that open
 * them when no title is printed ("There were no declarations of interest.", "Apologies for
 * absence are listed above.", "Any Member who is substituting for another Member should so
 * indicate."). A page that prints no headings still shows its standard items by these openers.
 */

export type BusinessKind =
  | 'apologies'
  | 'substitutes'
  | 'declarations'
  | 'minutes'
  | 'questions'
  | 'member-questions'
  | 'exclusion'
  | 'urgent'
  | 'work-programme'
  | 'communications'
  | 'public-participation'
  | 'next-meeting'
  | 'chairs-business'
  | 'welcome';

export interface StandardItem {
  kind: BusinessKind;
  /** A printed title of this kind. */
  title: RegExp;
  /** The title an item of this kind gets when the page prints none. */
  inferred: string;
  /** Sentences that open the item when no title is printed. */
  openers: RegExp[];
}

export const STANDARD_ITEMS: StandardItem[] = [
  {
    kind: 'apologies',
    title: /^(?:(?:welcome(?:,)?\s+(?:and\s+)?)?(?:introductions?(?:,)?\s+(?:and\s+)?)?)?apologies\b/i,
    inferred: 'Apologies for Absence',
    openers: [/^to (?:receive|note|record) (?:any )?apologies\b/i, /^apologies (?:for absence )?(?:were|had been|have been) (?:received|noted|submitted|tendered)\b/i, /^apologies (?:for absence )?are (?:listed|recorded|shown|noted) (?:above|below)\b/i, /^there were no apologies\b/i],
  },
  {
    kind: 'substitutes',
    title: /^(?:declarations? of )?substitut(?:es|ions?|e members)\b/i,
    inferred: 'Substitutes',
    openers: [/^any member who is substituting for another member\b/i, /^to (?:note|receive|record) (?:any )?(?:substitutes|substitutions|notification of substitutes)\b/i, /^there were no substitut(?:es|ions)\b/i],
  },
  {
    kind: 'declarations',
    title: /^(?:declarations?|disclosures?) of (?:[a-z ,&/]{0,60})?interests?\b|^interests?$/i,
    inferred: 'Declarations of Interest',
    openers: [
      /^(?:there were no|no) (?:declarations|disclosures) of (?:[a-z ,&/]{0,60})?interests?\b/i,
      /^no (?:interests|declarations) (?:were|was) (?:declared|made|received|disclosed)\b/i,
      /^to (?:receive|note|invite)\b[^.]{0,60}\b(?:declar|disclos)/i,
      /^members(?: of [^.]{3,60})? are (?:asked|invited|requested|reminded) to (?:consider whether they have an interest|declare|disclose|indicate)\b/i,
    ],
  },
  {
    kind: 'minutes',
    title: /^(?:(?:draft|confirmation of(?: the)?)\s+)?(?:minutes|notes) (?:of|from) (?:the )?(?:previous |last )?meeting\b|^minutes(?: (?:of|from) (?:the )?(?:previous|last) meeting)?$|^minutes of\b/i,
    inferred: 'Minutes',
    openers: [
      /^(?:resolved:?\s*[-–]?\s*)?that the minutes of the (?:previous |last )?meeting\b/i,
      /^to (?:consider and )?(?:approve|confirm|agree) (?:and sign )?(?:as a correct record )?the minutes\b/i,
      /^the minutes (?:from|of) the (?:previous |last )?meeting (?:held on [^.]{4,40} )?(?:are|were) (?:attached|submitted|circulated)\b/i,
    ],
  },
  {
    kind: 'questions',
    title: /^(?:public )?questions? (?:from|by) (?:members of )?the public\b|^public questions?(?: time)?\b|^questions? (?:from|by) the public\b/i,
    inferred: 'Public Question Time',
    openers: [/^there were no (?:public )?questions(?: from members of the public)?\b/i, /^to receive questions from (?:members of )?the public\b/i, /^questions are invited from (?:members of )?the public\b/i, /^no (?:public )?questions (?:were|had been) (?:received|submitted)\b/i],
  },
  {
    kind: 'member-questions',
    title: /^(?:members?'? questions?|questions? (?:from|by) (?:members|councillors))\b|^member question time\b/i,
    inferred: 'Member Question Time',
    openers: [/^a period of up to \d+ minutes will be allocated for questions\b[^.]{0,80}\bmembers of the council\b/i, /^there were no (?:member|members') questions\b/i],
  },
  {
    kind: 'exclusion',
    title: /^exclusion of the (?:press and public|public and press)\b/i,
    inferred: 'Exclusion of the Press and Public',
    openers: [/^there were no items of business on the agenda that required the exclusion\b/i, /^to consider whether the (?:press and public|public and press) should be excluded\b/i],
  },
  {
    kind: 'urgent',
    title: /^(?:any )?(?:other )?urgent (?:business|items?)\b/i,
    inferred: 'Urgent Business',
    openers: [/^there (?:was|were) no (?:items of )?urgent business\b/i],
  },
  { kind: 'work-programme', title: /\bwork (?:programme|plan)\b|\bforward work programme\b/i, inferred: 'Work Programme', openers: [/^to consider (?:and approve )?the [^.]{0,60}\bwork programme\b/i] },
  { kind: 'communications', title: /^communications\b/i, inferred: 'Communications', openers: [/^to receive (?:any )?communications\b/i] },
  {
    kind: 'public-participation',
    title: /^public (?:participation|statements|requests to speak|speaking|forum)\b|^open (?:session|forum)\b/i,
    inferred: 'Public Participation',
    openers: [/^there was no public participation\b/i, /^there were no members of the public (?:in attendance|present|wishing)\b/i],
  },
  { kind: 'next-meeting', title: /^date,? (?:and )?(?:time (?:and place )?)?of (?:the )?next meeting\b/i, inferred: 'Date and Time of the Next Meeting', openers: [/^the next meeting (?:of [^.]{3,80} )?(?:will|would) (?:be held|take place)\b/i] },
  { kind: 'chairs-business', title: /^chair(?:man)?['’]?s? (?:business|announcements|communications|update)\b/i, inferred: "Chair's Announcements", openers: [] },
  { kind: 'welcome', title: /^(?:welcome(?: and introductions)?|introductions)$/i, inferred: 'Welcome and Introductions', openers: [] },
];
