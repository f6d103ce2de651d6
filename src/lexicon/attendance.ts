/**
 * The labels of attendance blocks in minutes: who was present (and the sub-labels under
 * "Present:"), who else attended, who sent apologies, who was absent, substitutes, the public.
 * A label heads a list of people; what the list means comes from its label.
 */

export type BlockKind = 'present' | 'others' | 'apologies' | 'absent' | 'substitutes' | 'public' | 'chair';

/** Members of the body present. */
export const PRESENT_LABELS = [
  'Present', 'Members Present', 'Members present', 'Councillors Present', 'Committee Members Present',
  'Committee Members', 'Board Members Present', 'Board Members', 'Panel Members', 'Panel Members Present',
  'Commission Members', 'Members of the Committee', 'Members of the Board', 'Members of the Panel', 'Members',
  'Sederunt', 'Attendance', 'Attendance Details', 'Members in Attendance', 'Members Attending', 'Attendees',
  'Present (Members)', 'Present in the Chamber', 'Present Virtually', 'Present Remotely', 'Present in Person',
  'Councillors in Attendance', 'Governors Present', 'Trustees Present', 'Directors Present',
  // "Commission Members present:", "Sub-Committee Members in attendance:": the body's own word before "Members".
  ...['Committee', 'Commission', 'Board', 'Panel', 'Council', 'Cabinet', 'Authority', 'Forum', 'Sub-Committee', 'Partnership', 'Group', 'Assembly', 'Executive'].flatMap((b) => [`${b} Members present`, `${b} Members in attendance`, `${b} Members attending`, `${b} Members`]),
];

/** Sub-labels inside a Present block: still members of the body. */
const SUBLABELS = [
  'Voting Members', 'Voting Member', 'Non-Voting Members', 'Non-voting Members', 'Non-Voting Member',
  'Co-opted Members', 'Co-Opted Members', 'Co-opted Member', 'Co-opted Voting Members', 'Co-opted Non-Voting Members',
  'Independent Members', 'Independent Member', 'Elected Members', 'Elected Member', 'Partner Members',
  'Statutory Members', 'Lay Members', 'Appointed Members', 'Councillors', 'County Councillors',
  'Representatives', 'Church Representatives', 'Parent Governor Representatives', 'Diocesan Representatives',
  'Teacher Representatives', 'Religious Representatives', 'Youth Representatives', 'Co-optees',
  'Non-Executive Members', 'Non-Executive Directors', 'Executive Members', 'Executive Directors',
  'Local Authority Members', 'NHS Members', 'Public Governors', 'Staff Governors', 'Appointed Governors',
  'Schools Members', 'Non-Schools Members', 'Academy Members', 'Maintained School Members',
];
// "Co-opted Members present:", "Voting Members in attendance:": a sub-label with the Present word after it.
export const PRESENT_SUBLABELS: readonly string[] = [...SUBLABELS, ...SUBLABELS.filter((l) => /s$/.test(l)).flatMap((l) => [`${l} present`, `${l} in attendance`])];

/** People present who are not members: officers, other councillors, guests. */
export const OTHERS_LABELS = [
  'Also Present', 'Also present', 'Also in Attendance', 'Also in attendance', 'Also Attending', 'In Attendance',
  'In attendance', 'Attending', 'Officers', 'Officers Present', 'Officers present', 'Officers in Attendance',
  'Officers in attendance', 'Officers Attending', 'Officers attending', 'Officers Supporting', 'Officer',
  'Other Members Present', 'Other Member Present', 'Other Members', 'Other Councillors Present',
  'Other Councillors', 'Other Officers', 'Other Officers Present', 'Council Officers', 'Observers',
  'Observer', 'Advisers', 'Advisors', 'Adviser', 'Advisor', 'Guests', 'Guest', 'Invited Guests', 'Speakers',
  'Presenting Officers', 'Support Officers', 'Clerk', 'Clerks', 'Minute Taker', 'Secretariat',
  'Witnesses', 'Contributors', 'Participants', 'Ward Members', 'Ward Councillors', 'Interpreters',
  'Officers of the Council', 'Officials', 'Staff', 'Also in Attendance (Officers)', 'Regular Attendees',
] as const;

export const APOLOGY_LABELS = [
  'Apologies', 'Apologies for Absence', 'Apologies for absence', 'Apologies Received', 'Apologies received',
  'Apologies for Non-attendance', 'Apologies were received from', 'Apologies received from', 'Apologies from',
  'Leave of Absence', 'Sent Apologies',
] as const;

export const ABSENT_LABELS = ['Absent', 'Absent without Apologies', 'Absent Without Apologies', 'Not Present', 'Absentees', 'Absence'] as const;

export const SUBSTITUTE_LABELS = ['Substitutes', 'Substitute Members', 'Substitute Member', 'Substitutions', 'Substitutes Present', 'Named Substitutes', 'Substitute'] as const;

export const PUBLIC_LABELS = ['Public Attendance', 'Members of the Public', 'Press and Public', 'Public Present', 'Public', 'Press', 'Public Gallery'] as const;

export const CHAIR_LABELS = ['In the Chair', 'Chair', 'Chairman', 'Chairperson', 'Chairwoman', 'Convener', 'Convenor', 'Presiding', 'Presiding Member'] as const;

export const LABELS: readonly { kind: BlockKind; labels: readonly string[]; sub?: boolean }[] = [
  { kind: 'present', labels: PRESENT_LABELS },
  { kind: 'present', labels: PRESENT_SUBLABELS, sub: true },
  { kind: 'others', labels: OTHERS_LABELS },
  { kind: 'apologies', labels: APOLOGY_LABELS },
  { kind: 'absent', labels: ABSENT_LABELS },
  { kind: 'substitutes', labels: SUBSTITUTE_LABELS },
  { kind: 'public', labels: PUBLIC_LABELS },
  { kind: 'chair', labels: CHAIR_LABELS },
];

/** Marks after a name that make that person the chair of the meeting. */
export const CHAIR_MARKS = ['in the Chair', 'in the chair', 'In the Chair', 'Chair', 'Chairman', 'Chairwoman', 'Chairperson', 'Presiding', 'presiding', 'Convener', 'Convenor', 'Chair of the meeting', 'Chair for the meeting', 'Chair for this meeting'];
