/**
 * The words of what a body decided: the labels that open a resolution, the clauses that record
 * an agreement, the verbs that say what the outcome was, how motions are moved and seconded, and
 * how votes are written. The decision rules (src/extract/decisions.ts) are built from these
 * lists, so a new phrasing is one entry here.
 */

/** What a resolution did (the API's DecisionOutcome; the answer key's `outcome`). */
export const DECISION_OUTCOMES = ['APPROVED', 'NOTED', 'ENDORSED', 'AGREED', 'RECOMMENDED', 'DEFERRED', 'REFUSED', 'WITHDRAWN', 'OTHER'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Labels that open a resolution on their own: "RESOLVED –", "Resolved:-", "DECISION:", "AGREED:". */
export const RESOLUTION_LABELS = [
  'Resolved', 'RESOLVED', 'Resolution', 'RESOLUTION', 'Resolutions', 'RESOLUTIONS', 'Decision', 'DECISION',
  'Decisions', 'DECISIONS', 'Agreed', 'AGREED', 'Decided', 'DECIDED', 'Recommended', 'RECOMMENDED',
  'Decision of the Committee', 'Decision of the Board', 'Decision of the Panel', 'Decision of the Sub-Committee',
  'Decision made', 'Decisions made', 'Resolved unanimously', 'RESOLVED UNANIMOUSLY', 'Unanimously resolved',
  'UNANIMOUSLY RESOLVED',
] as const;

/**
 * Labels whose resolution is a recommendation to another body ("RECOMMENDED to Cabinet that …").
 * "Recommendation:" is not one: in agenda text it is the officers' recommendation, not a decision.
 */
export const RECOMMENDING_LABELS = ['Recommended', 'RECOMMENDED'] as const;

/** Bodies that decide in running text: "The Committee agreed that …", "Members resolved to …". */
export const DECIDING_SUBJECTS = [
  'Committee', 'Sub-Committee', 'Board', 'Panel', 'Commission', 'Cabinet', 'Council', 'Forum', 'Authority',
  'Executive', 'Partnership', 'Group', 'Members', 'members', 'Councillors', 'the meeting', 'the Meeting',
  'Joint Committee', 'Scrutiny Committee', 'Working Group', 'Trustees', 'Governors',
] as const;

/** Verbs of deciding in running text, past tense: "agreed that", "resolved to". */
export const DECIDING_VERBS = ['agreed', 'resolved', 'decided', 'unanimously agreed', 'unanimously resolved', 'AGREED', 'RESOLVED'] as const;

/**
 * What each wording of a resolution says the outcome was. A part's outcome is the first of
 * these phrases it holds, in text order ("That the report be noted and the plan approved" is
 * NOTED); a part with none has no outcome (null), since guessing one would be worse.
 */
export const OUTCOME_PHRASES: Record<Exclude<DecisionOutcome, 'OTHER'>, readonly string[]> = {
  RECOMMENDED: [
    'be recommended', 'recommend', 'recommends', 'recommended to', 'recommends to', 'be asked to approve',
    'be asked to adopt', 'be requested to approve',
  ],
  WITHDRAWN: ['be withdrawn', 'was withdrawn', 'withdrawn', 'withdraw', 'withdraws'],
  REFUSED: [
    'be refused', 'refuse', 'refuses', 'refused', 'be rejected', 'reject', 'rejects', 'rejected', 'not be approved',
    'not approve', 'does not approve', 'not be supported', 'not support', 'does not support', 'be declined', 'declined',
    'be dismissed', 'dismissed',
  ],
  DEFERRED: [
    'be deferred', 'defer', 'defers', 'deferred', 'be postponed', 'postpone', 'postponed', 'be moved to',
    'be held over', 'held over', 'be carried forward', 'be adjourned', 'adjourned', 'be put back', 'be rescheduled',
    'be brought back', 'be considered at a future meeting', 'be considered at the next meeting',
  ],
  ENDORSED: ['be endorsed', 'endorse', 'endorses', 'endorsed', 'be supported', 'supports', 'support', 'be welcomed', 'welcomes', 'welcomed'],
  APPROVED: [
    'be approved', 'approve', 'approves', 'approved', 'be adopted', 'adopt', 'adopts', 'adopted', 'be granted',
    'grant', 'granted', 'be ratified', 'ratify', 'ratified', 'be signed', 'be confirmed', 'confirm', 'confirmed',
    'be authorised', 'authorise', 'authorises', 'be accepted', 'accept', 'accepts', 'accepted', 'be appointed', 'appoint',
    'appoints', 'be elected', 'elect', 'be set', 'set the', 'be agreed and signed',
  ],
  NOTED: ['be noted', 'note', 'notes', 'noted', 'be received', 'receive', 'receives', 'received', 'be considered and noted'],
  AGREED: ['be agreed', 'agree', 'agrees', 'agreed', 'be accepted as'],
};

/** Phrases of moving a motion, with the mover before or after them. */
export const MOVING_PHRASES = ['moved by', 'proposed by', 'on the motion of', 'upon the motion of', 'on a motion by', 'on the proposition of', 'Moved by', 'Proposed by', 'On the motion of', 'Upon the motion of'] as const;
export const SECONDING_PHRASES = ['seconded by', 'Seconded by'] as const;
/** Labels of a mover or seconder line: "Proposed: Cllr A", "Mover:", "Seconder -". */
export const MOVER_LABELS = ['Proposed', 'Proposer', 'Mover', 'Moved', 'Proposed by', 'Moved by'] as const;
export const SECONDER_LABELS = ['Seconded', 'Seconder', 'Seconded by'] as const;
/** "Councillor X moved …", "X proposed …": the subject moved it. */
export const MOVING_VERBS = ['moved', 'proposed', 'formally moved', 'duly moved', 'formally proposed'] as const;
export const SECONDING_VERBS = ['seconded', 'formally seconded', 'duly seconded'] as const;

/** Words for the counts of a vote: "For 7, Against 2, Abstentions 1", "in favour 6". */
export const VOTES_FOR = ['For', 'for', 'In favour', 'in favour', 'In Favour', 'Yes', 'Ayes', 'Aye', 'FOR'] as const;
export const VOTES_AGAINST = ['Against', 'against', 'No', 'Noes', 'Nays', 'Opposed', 'opposed', 'AGAINST'] as const;
export const VOTES_ABSTAINED = ['Abstentions', 'Abstention', 'Abstained', 'Abstain', 'abstentions', 'abstention', 'abstained', 'Abstaining', 'abstaining', 'ABSTENTIONS', 'ABSTENTION'] as const;
/** A vote with no dissent: "carried unanimously", "with all in favour", "nem con". */
export const UNANIMOUS_PHRASES = [
  'unanimously', 'Unanimously', 'UNANIMOUSLY', 'unanimous', 'Unanimous', 'with all in favour', 'all in favour',
  'without dissent', 'nem con', 'nem. con.', 'nemine contradicente', 'by acclamation',
] as const;

/** Small numbers written as words in votes ("by six votes to three"). */
export const NUMBER_WORDS: Record<string, number> = {
  none: 0, nil: 0, zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20,
};
