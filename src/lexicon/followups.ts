/**
 * How minutes point back at earlier business: a report that answers an earlier request ("Further
 * to the request made at the meeting on 5 March", "as requested by the Panel"), business that
 * returns after a deferral ("had been deferred from the meeting on 24 June", "held over from
 * the last meeting"). src/extract/references.ts builds its rules from these lists.
 */

/** Phrases that say the item answers an earlier request. */
export const ANSWERING_PHRASES = [
  'further to the request', 'further to a request', 'following the request', 'following a request',
  'in response to the request', 'in response to a request', 'in response to the panel’s request',
  "in response to the panel's request", "in response to the committee's request", "in response to the commission's request",
  "in response to the board's request", "following the panel's request", "following the committee's request",
  "following the commission's request", "following the board's request", "following members' request", 'as requested at',
  'as requested by', 'as requested', 'at the request of', 'requested at the meeting', 'requested at the last meeting',
  'requested at its meeting', 'requested at its last meeting', 'requested at the previous meeting', 'had been requested at',
  'was requested at', 'which members had requested', 'which the panel had requested', 'which the committee had requested',
  'which the commission had requested', 'which the board had requested', 'that members had requested', 'as asked at',
  'asked for at the', 'further to the action', 'arising from the meeting', 'in answer to the request',
] as const;

/** Phrases that say the item returns after a deferral. */
export const RETURNING_PHRASES = [
  'had been deferred from', 'was deferred from', 'were deferred from', 'been deferred from', 'deferred from',
  'had been held over from', 'was held over from', 'held over from', 'carried forward from', 'had been postponed from',
  'was postponed from', 'postponed from', 'brought back from', 'had been deferred at', 'was deferred at', 'deferred at the',
  'had been withdrawn from', 'which had been deferred', 'which was deferred', 'that had been deferred', 'having been deferred',
] as const;

/** Phrases that say either: "As agreed at the meeting on 24 June". */
export const RECALLING_PHRASES = [
  'as agreed at the meeting', 'as agreed at its meeting', 'as agreed at the last meeting', 'as agreed at the previous meeting',
  'as agreed at its last meeting', 'as agreed at the panel', 'as agreed at the committee', 'as agreed by the panel',
  'as agreed by the committee', 'as agreed by the commission', 'as agreed by the board', 'as previously agreed',
] as const;

/** "the last meeting", "its previous meeting": the body's meeting immediately before. */
export const PREVIOUS_MEETING = ['the last meeting', 'the previous meeting', 'its last meeting', 'its previous meeting', 'the preceding meeting', 'the last panel', 'the last committee', 'the previous panel', 'the previous committee'] as const;

/**
 * An action log or "matters arising" entry saying the thing asked for was done: "the breakdown
 * requested was circulated", "a briefing note had been sent to members". Only with the subject
 * of an earlier request in the same sentence does it answer that request.
 */
export const COMPLETING_PHRASES = [
  'had been circulated', 'was circulated', 'were circulated', 'has been circulated', 'have been circulated',
  'had been provided', 'was provided', 'were provided', 'has been provided', 'have been provided', 'had been shared',
  'was shared', 'were shared', 'has been shared', 'was attached', 'were attached', 'is attached', 'are attached',
  'had been attached', 'was appended', 'is appended', 'had been sent', 'was sent', 'were sent', 'has been sent',
  'had been arranged', 'was arranged', 'has been arranged', 'had taken place', 'took place', 'had been held',
  'was held', 'had been distributed', 'was distributed', 'had been emailed', 'was emailed', 'had been issued',
  'was issued', 'was completed', 'had been completed', 'has been completed', 'had been answered', 'was answered',
] as const;

/** Words that say it was not done, which keep a sentence from answering anything. */
export const NOT_DONE = /\b(?:not\s+yet|had\s+not|has\s+not|have\s+not|was\s+not|were\s+not|is\s+not|not\s+been|outstanding|awaited|still\s+to|yet\s+to|would\s+be|will\s+be|to\s+be\s+(?:circulated|provided|sent|shared|arranged)|delayed|pending|overdue|no\s+longer)\b/i;

/**
 * Word stems that say business on the agenda was not taken at this meeting: moved on or taken
 * off ("defer Item 5 (…)", "item 9 had been withdrawn", "was removed from the agenda").
 */
export const ITEM_MOVED_WORDS = [
  'defer', 'postpon', 'held over', 'hold over', 'carried forward', 'carry forward', 'withdr[ae]w', 'removed from the agenda',
  'taken off the agenda', 'not be taken', 'not be considered', 'would not be discussed', 'put back', 'rescheduled',
] as const;
