/**
 * The words that end the name of a committee or other body in English local government and the
 * public bodies around it ("… Scrutiny Committee", "… Health and Wellbeing Board", "… Combined
 * Authority", "Cabinet"). A phrase ending in one can name whose meeting the minutes record.
 */
export const BODY_HEADS = [
  'Commission', 'Committee', 'Sub-Committee', 'Sub Committee', 'Subcommittee', 'Panel', 'Sub-Panel', 'Board', 'Cabinet',
  'Council', 'Forum', 'Group', 'Working Group', 'Partnership', 'Assembly', 'Executive', 'Authority',
  'Combined Authority', 'Trust', 'Council of Governors', 'Governing Body', 'Court', 'Court of Common Council',
  'Conference', 'Convention', 'Senate', 'Chamber', 'Collaborative', 'Alliance', 'Network', 'Meeting',
  'SACRE', 'Joint Committee', 'ICB', 'Integrated Care Board', 'Integrated Care Partnership',
] as const;
