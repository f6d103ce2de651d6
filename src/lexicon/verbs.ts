/**
 * The verbs of minutes: how clerks write that someone presented, introduced, attended, asked;
 * that the body requested, deferred, resolved. The clause rules (src/extract/rules/) are built
 * from these lists, so a new phrasing is one entry here, not a new rule.
 */

/**
 * "X presented …", "X reported". Past tense, as minutes write. Verbs that take the audience
 * ("took members through", "updated the Board on") are AUDIENCE_VERBS below, built with any
 * audience, not listed one body at a time.
 */
export const PRESENTING_VERBS = [
  'presented', 'outlined', 'summarised', 'summarized', 'reported', 'spoke to', 'talked through',
  'moved the report', 'moved the recommendations',
  'set out', 'explained the report', 'presented the findings', 'concluded his presentation',
  'concluded her presentation', 'concluded their presentation', 'shared a presentation', 'gave a verbal update',
] as const;

/**
 * Who a presenter addresses: "members", "the Committee", "Cabinet", "the Health Scrutiny Panel",
 * "those present". Lower case and capitalised forms are both written.
 */
export const AUDIENCE_NOUNS = [
  'members', 'councillors', 'colleagues', 'those present', 'attendees', 'delegates', 'trustees', 'governors',
  'committee', 'sub-committee', 'subcommittee', 'panel', 'sub-panel', 'board', 'commission', 'cabinet', 'forum',
  'authority', 'council', 'meeting', 'group', 'partnership', 'executive', 'assembly', 'members of the committee',
  'members of the panel', 'members of the board', 'members of the commission', 'members of the cabinet',
] as const;

/**
 * Verbs a presenter does to the audience, with the word that follows it, if any: "took members
 * through", "walked the Panel through", "updated the Board on", "briefed Cabinet about".
 */
export const AUDIENCE_VERBS: readonly { verb: string; then: string }[] = [
  { verb: 'took', then: 'through' },
  { verb: 'talked', then: 'through' },
  { verb: 'walked', then: 'through' },
  { verb: 'led', then: 'through' },
  { verb: 'guided', then: 'through' },
  { verb: 'stepped', then: 'through' },
  { verb: 'updated', then: '' },
  { verb: 'briefed', then: '' },
];

/** Nouns of a presentation: "gave a short presentation", "provided an update". */
export const PRESENTATION_NOUNS = [
  'presentation', 'overview', 'update', 'report', 'progress report', 'briefing', 'summary', 'demonstration',
  'verbal update', 'verbal report', 'oral update', 'oral report', 'powerpoint presentation', 'slide presentation',
  'account', 'talk', 'introduction to the report',
] as const;

/** Verbs that take a presentation noun: "gave", "delivered", "provided". */
export const GIVING_VERBS = ['gave', 'delivered', 'provided', 'made', 'shared', 'led', 'offered'] as const;

/** What an invitation asks someone to do: "invited X to present", "to give the presentation". */
export const INVITED_TO = ['present', 'give', 'deliver', 'provide', 'update', 'outline', 'talk', 'take', 'lead', 'speak to', 'report', 'explain', 'summarise', 'share'] as const;

export const INTRODUCING_VERBS = ['introduced', 'presented and introduced'] as const;

/** "X was in attendance", "X attended for this item", "X joined the meeting". */
export const ATTENDING_PHRASES = [
  'was in attendance', 'were in attendance', 'was also in attendance', 'were also in attendance',
  'remained in attendance', 'was present for this item', 'were present for this item', 'was present for the item',
  'were present for the item', 'was present to', 'were present to', 'attended for this item', 'attended the item',
  'attended for the item', 'attended the meeting', 'attended to', 'joined the meeting', 'was in attendance to',
  'were in attendance to', 'was also present', 'were also present', 'had been invited to the meeting',
  'has been invited to the meeting', 'had been invited to attend', 'was invited to attend', 'were invited to attend',
] as const;

/** "welcomed X", "A welcome was extended to X", "extended a welcome to X". */
export const WELCOMING_PHRASES = ['welcomed', 'welcome was extended to', 'extended a welcome to', 'extended a warm welcome to', 'welcome to', 'welcoming'] as const;

/** Members and guests who asked or spoke: "X asked whether", "In response to a question from X". */
export const ASKING_VERBS = [
  'asked', 'queried', 'enquired', 'inquired', 'questioned', 'raised', 'commented', 'spoke', 'sought clarification',
  'sought assurance', 'expressed concern', 'expressed concerns', 'suggested', 'addressed the committee', 'addressed the panel',
  'addressed the board', 'addressed the meeting', 'addressed the sub-committee', 'made a deputation', 'presented a petition',
  'made representations', 'spoke in objection', 'spoke in support', 'spoke against', 'spoke in favour', 'put a question',
] as const;

/** What the body asked for: "requested", "asked for", "sought", "asked that". */
export const REQUESTING_VERBS = ['requested', 'asked for', 'asked that', 'sought', 'called for', 'requests', 'request'] as const;

/** Things arranged by resolution: "That a further report be submitted", "be circulated to members". */
export const ARRANGING_VERBS = [
  'arranged', 'provided', 'circulated', 'submitted', 'brought', 'scheduled', 'prepared', 'produced', 'shared',
  'sought', 'presented', 'reported', 'added', 'included', 'made available', 'sent', 'forwarded', 'distributed',
  'organised', 'organized', 'undertaken', 'carried out', 'investigated', 'explored', 'considered at',
] as const;

/** Business moved to a later meeting. */
export const DEFERRING_VERBS = [
  'deferred', 'postponed', 'delayed', 'rescheduled', 're-scheduled', 'carried forward', 'put back', 'moved',
  'held over', 'adjourned', 'referred to a future meeting', 'referred to the next meeting', 'brought back',
  'withdrawn and brought back', 'taken at', 'considered at', 'dealt with at', 'deferred consideration of',
] as const;

/**
 * Verbs only a person does, written straight after a name that opens a clause: "Mags Penhallow
 * notified that she …", "Ravi Okafor explained that …". They let an unfamiliar given name stand.
 */
export const SPEAKING_VERBS = [
  'notified', 'advised', 'declared', 'stated', 'explained', 'said', 'confirmed', 'informed', 'queried', 'asked',
  'enquired', 'commented', 'responded', 'replied', 'remarked', 'added', 'thanked', 'welcomed', 'apologised',
  'introduced himself', 'introduced herself', 'introduced themselves', 'presented', 'outlined', 'summarised',
  'reported that', 'highlighted', 'emphasised', 'stressed', 'acknowledged', 'agreed to', 'undertook', 'offered to',
] as const;
