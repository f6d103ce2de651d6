import { describe, expect, it } from 'vitest';
import {
  deferralDateAgrees,
  deferralScore,
  itemScore,
  jaccard,
  nameScore,
  namesMatch,
  nameTokens,
  normaliseItemNumber,
  personScore,
  rolePairScore,
  textsMatch,
  textWordSet,
  words,
} from '../../src/eval/match.ts';

describe('words: case and punctuation', () => {
  it('lower-cases and splits on spaces and punctuation', () => {
    expect(words('The Looked After Children, (LAC) Update.')).toEqual(['the', 'looked', 'after', 'children', 'lac', 'update']);
  });
  it('deletes straight, curly and modifier apostrophes inside words', () => {
    for (const s of ["Children's", 'Children’s', 'Children‘s', 'Childrenʼs', 'Childrens']) expect(words(s)).toEqual(['childrens']);
    expect(words("O'Brien")).toEqual(words('O’Brien'));
    expect(words("O'Brien")).toEqual(['obrien']);
  });
  it('treats hyphens, en and em dashes as word breaks, so their spacing does not matter', () => {
    const forms = ['2023-2027', '2023- 2027', '2023 - 2027', '2023–2027', '2023—2027', '2023 – 2027'];
    for (const s of forms) expect(words(s)).toEqual(['2023', '2027']);
    expect(words('Cary- Anne')).toEqual(words('Cary-Anne'));
    expect(words('Cary-Anne')).toEqual(['cary', 'anne']);
  });
  it('treats slashes, ampersands, curly quotes and encoding debris as breaks', () => {
    expect(words('Sexual Offences/Abuse')).toEqual(['sexual', 'offences', 'abuse']);
    expect(words('Lincolnshire & Goole')).toEqual(['lincolnshire', 'goole']);
    expect(words('“My Life My Rights”')).toEqual(['my', 'life', 'my', 'rights']);
    expect(words('post?16')).toEqual(words('post-16'));
  });
  it('folds compatibility forms (NFKC) and keeps accented letters', () => {
    expect(words('ﬁnance')).toEqual(['finance']);
    expect(words('Zoë Brontë')).toEqual(['zoë', 'brontë']);
    expect(words('Zoe\u0308')).toEqual(['zoë']);
  });
  it('returns nothing for text without letters or digits', () => {
    expect(words(' -–, ')).toEqual([]);
  });
});

describe('names (FORMAT.md "Names")', () => {
  it('removes every listed title, stacked, from the front', () => {
    expect(nameTokens('County Councillor Susan Prynn')).toEqual(['susan', 'prynn']);
    expect(nameTokens('Councillor Mrs Bromby')).toEqual(['bromby']);
    expect(nameTokens('Cllr. Jacqui Lay')).toEqual(['jacqui', 'lay']);
    expect(nameTokens('The Rt Hon Lord Deputy Mayor Alderman Dame Sir Prof Dr Ms Miss Mr Lady X')).toEqual(['the', 'rt', 'hon', 'lord', 'deputy', 'mayor', 'alderman', 'dame', 'sir', 'prof', 'dr', 'ms', 'miss', 'mr', 'lady', 'x']);
    expect(nameTokens('Rt Hon Lord Deputy Mayor Alderman Dame Sir Prof Dr Ms Miss Mr Lady X')).toEqual(['x']);
  });
  it('always keeps the last token: it is the surname even when it is a title word', () => {
    expect(nameTokens('Jane Lord')).toEqual(['jane', 'lord']);
    expect(nameTokens('Councillor Lord')).toEqual(['lord']);
    expect(namesMatch('Jane Lord', 'Councillor Lord')).toBe(true);
    expect(nameTokens('Lord Mayor')).toEqual(['mayor']);
    expect(namesMatch('Lord Mayor', 'Lord Mayor')).toBe(true);
  });
  it('matches equal token lists regardless of case, punctuation and titles', () => {
    expect(nameScore('Councillor Cusworth', 'cusworth')).toBe(1);
    expect(nameScore('Helen Sweaton', 'HELEN SWEATON.')).toBe(1);
    expect(nameScore('Cary- Anne Sykes', 'Cary-Anne Sykes')).toBe(1);
    expect(nameScore('Dr. Jo O’Neill', "Jo O'Neill")).toBe(1);
    expect(nameScore('Councillor T. Collingham', 'Cllr T Collingham')).toBe(1);
  });
  it('matches a surname alone against a full name with that surname', () => {
    expect(namesMatch('Councillor Cusworth', 'Victoria Cusworth')).toBe(true);
    expect(namesMatch('Mr Madden', 'Dick Madden')).toBe(true);
    expect(namesMatch('Councillor Collingham', 'Councillor T. Collingham')).toBe(true);
  });
  it('needs the same surname (last token)', () => {
    expect(namesMatch('Helen Sweaton', 'Helen Sweatton')).toBe(false);
    expect(namesMatch('Councillor Brent', 'Councillor Bower')).toBe(false);
    expect(namesMatch('Susan Prynn', 'Prynn Susan')).toBe(false);
  });
  it('with two full names, needs the first names to agree, an initial agreeing with a name it starts', () => {
    expect(namesMatch('T. Collingham', 'Tom Collingham')).toBe(true);
    expect(namesMatch('Tom Collingham', 'T Collingham')).toBe(true);
    expect(namesMatch('Tom Collingham', 'J. Collingham')).toBe(false);
    expect(namesMatch('Sue Prynn', 'Susan Prynn')).toBe(false);
    expect(namesMatch('Karen Jackson', 'Karen Dunderdale')).toBe(false);
    expect(namesMatch('Karen Jackson', 'Wendy Jackson')).toBe(false);
  });
  it('ignores middle names once first and last agree', () => {
    expect(namesMatch('Louise Mackender de Cari', 'Louise Cari')).toBe(true);
    expect(namesMatch('Mary Ann Smith', 'Mary Smith')).toBe(true);
  });
  it('splits hyphenated surnames, so the last part is the surname', () => {
    expect(namesMatch('Debbie Nolan-Plunkett', 'Debbie Nolan Plunkett')).toBe(true);
    expect(namesMatch('Debbie Nolan-Plunkett', 'Ms Plunkett')).toBe(true);
  });
  it('ranks identical above first-name, initial and surname-only matches', () => {
    expect(nameScore('Tom Collingham', 'Tom Collingham')).toBeGreaterThan(nameScore('Tom Collingham', 'Tom Peter Collingham'));
    expect(nameScore('Tom Collingham', 'Tom Peter Collingham')).toBeGreaterThan(nameScore('Tom Collingham', 'T Collingham'));
    expect(nameScore('Tom Collingham', 'T Collingham')).toBeGreaterThan(nameScore('Tom Collingham', 'Collingham'));
    expect(nameScore('Tom Collingham', 'Collingham')).toBeGreaterThan(0);
  });
  it('never matches an empty name', () => {
    expect(namesMatch('', '')).toBe(false);
    expect(namesMatch('--', 'Smith')).toBe(false);
  });
  it('matches a person by any of their names or aliases', () => {
    const susan = ['County Councillor Susan Prynn', 'Sue Prynn'];
    expect(personScore(susan, ['Sue Prynn'])).toBe(1);
    expect(personScore(susan, ['S. Prynn'])).toBeGreaterThan(0);
    expect(personScore(['Helen Sweaton', 'Helen Sweatton'], ['Helen Sweatton'])).toBe(1);
    expect(personScore(['Helen Sweaton'], ['Helen Sweatton'])).toBe(0);
  });
});

describe('texts (FORMAT.md "Texts")', () => {
  it('drops the listed stop-words', () => {
    expect([...textWordSet('The Report of the Chair and an Update on it, from a Board to be with any that was were is as its at by in for')]).toEqual(['report', 'chair', 'update', 'board']);
  });
  it('keeps stop-words when a text has nothing else, so it still equals itself', () => {
    expect([...textWordSet('To be')]).toEqual(['to', 'be']);
    expect(textsMatch('To be', 'to be')).toBe(true);
    expect(textsMatch('To be', 'it is')).toBe(false);
  });
  it('is a set: repeated words count once', () => {
    expect(jaccard('My Life My Rights', 'life rights my')).toBe(1);
  });
  it('matches at Jaccard 0.5 and not below', () => {
    // {a1,a2} vs {a1,a2,b1,b2}: 2/4
    expect(jaccard('alpha beta', 'alpha beta gamma delta')).toBe(0.5);
    expect(textsMatch('alpha beta', 'alpha beta gamma delta')).toBe(true);
    // 2/5
    expect(textsMatch('alpha beta', 'alpha beta gamma delta epsilon')).toBe(false);
  });
  it('matches the way gold and minutes differ in practice', () => {
    expect(textsMatch("Cabinet Member for Children's and Young People's Services", 'Cabinet Member for Childrens and Young Peoples Services')).toBe(true);
    expect(textsMatch('Domestic Abuse and Sexual Offences/Abuse Strategy 2026–2029', 'Domestic Abuse and Sexual Offences / Abuse Strategy 2026-2029')).toBe(true);
    expect(textsMatch('Looked After Children’s Sufficiency Strategy 2023-2027', "THE LOOKED AFTER CHILDREN'S SUFFICIENCY STRATEGY 2023 - 2027 UPDATE")).toBe(true);
    expect(textsMatch('Care Leavers Covenant', 'Care Leavers Charter')).toBe(true); // 2/4: the rule is loose by design
    expect(textsMatch('Early Help Strategy', 'SEND Sufficiency Strategy')).toBe(false);
  });
  it('gives 0 when either side has no words', () => {
    expect(jaccard('', 'x')).toBe(0);
    expect(jaccard('...', '...')).toBe(0);
  });
});

describe('items (FORMAT.md "Items")', () => {
  const lac = "The Looked After Children's Sufficiency Strategy 2023-2027 Update";
  it('matches by number when both have one and titles share a fifth of their words', () => {
    expect(itemScore({ number: '14', title: lac }, { number: '14.', title: 'LAC Sufficiency Strategy' })).toBeGreaterThan(1);
    // {looked,after,childrens,sufficiency,strategy,2023,2027,update} vs {sufficiency, plan}: 1/9 < 0.2
    expect(itemScore({ number: '14', title: lac }, { number: '14', title: 'Sufficiency plan' })).toBe(0);
  });
  it('does not fall back to the title when both numbers exist but differ', () => {
    expect(itemScore({ number: '14', title: lac }, { number: '15', title: lac })).toBe(0);
  });
  it('matches by title (Jaccard ≥ 0.5) when either number is missing', () => {
    expect(itemScore({ number: null, title: lac }, { number: '14', title: lac })).toBe(1);
    expect(itemScore({ number: '14', title: lac }, { number: null, title: 'Sufficiency Strategy Update' })).toBe(0);
    expect(itemScore({ number: null, title: 'Work Programme' }, { number: null, title: 'WORK PROGRAMME.' })).toBe(1);
  });
  it('prefers a number match over any title-only match', () => {
    const byNumber = itemScore({ number: '7', title: 'Work Programme' }, { number: '7', title: 'Work Programme 2025/26 and Forward Plan' });
    const byTitle = itemScore({ number: '7', title: 'Work Programme' }, { number: null, title: 'Work Programme' });
    expect(byNumber).toBeGreaterThan(byTitle);
  });
  it('reads numbers as printed, ignoring punctuation around them', () => {
    expect(normaliseItemNumber('14.')).toBe('14');
    expect(normaliseItemNumber('(14)')).toBe('14');
    expect(normaliseItemNumber('14a')).not.toBe(normaliseItemNumber('14'));
  });
});

describe('deferrals (FORMAT.md "Deferrals")', () => {
  it('agrees to the precision the gold gives', () => {
    expect(deferralDateAgrees('2025-12', '2025-12')).toBe(true);
    expect(deferralDateAgrees('2025-12', '2025-12-02')).toBe(true);
    expect(deferralDateAgrees('2025-12-02', '2025-12')).toBe(false);
    expect(deferralDateAgrees('2025-12-02', '2025-12-03')).toBe(false);
    expect(deferralDateAgrees('2025-01', '2025-12')).toBe(false);
    expect(deferralDateAgrees('2025-1', '2025-12')).toBe(false);
  });
  it('matches an undated deferral only with an undated one', () => {
    expect(deferralDateAgrees(null, null)).toBe(true);
    expect(deferralDateAgrees(null, '2025-12')).toBe(false);
    expect(deferralDateAgrees('2025-12', null)).toBe(false);
  });
  it('needs the subjects to match as texts', () => {
    const gold = { subject: 'Response to the Prevention of Future Deaths Report', to: '2025-12' };
    expect(deferralScore(gold, { subject: 'Prevention of Future Deaths (PFD) Report response', to: '2025-12-02' })).toBeGreaterThan(0);
    expect(deferralScore(gold, { subject: 'Community Cohesion Projects Update', to: '2025-12' })).toBe(0);
  });
  it('ranks an exact date above a date agreeing to the month', () => {
    const gold = { subject: 'Work Programme', to: '2025-12' };
    expect(deferralScore(gold, { subject: 'Work Programme', to: '2025-12' })).toBeGreaterThan(deferralScore(gold, { subject: 'Work Programme', to: '2025-12-02' }));
  });
});

describe('roles (FORMAT.md "Roles")', () => {
  const helen = { person: ['Helen Sweaton', 'Helen Sweatton'], role: 'Joint Assistant Director for Commissioning and Performance' };
  it('needs both the person and the role to match', () => {
    expect(rolePairScore(helen, { person: ['Helen Sweatton'], role: 'Joint Assistant Director, Commissioning & Performance' })).toBeGreaterThan(0);
    expect(rolePairScore(helen, { person: ['Mark Cummins'], role: helen.role })).toBe(0);
    expect(rolePairScore(helen, { person: ['Helen Sweaton'], role: 'Head of Service for SEND' })).toBe(0);
  });
});
