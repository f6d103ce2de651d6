/**
 * Vocabulary of the synthetic corpus: fictional councils, names, posts and the language of
 * English local-government minutes. Every name here is invented for councilgraph.
 */

export interface CouncilStyle {
  /** How councillors are written in running text. */
  memberTitle: 'Councillor' | 'Cllr' | 'County Councillor';
  chairWord: 'Chair' | 'Chairman';
  /** "Jo Bloggs, Head of X" or "Head of X (Jo Bloggs)". */
  roleStyle: 'appositive' | 'parenthetical';
  /** Printed minute numbers: "14." or "14/25". */
  numbering: 'plain' | 'slash';
}

export interface CouncilDef {
  name: string;
  place: string;
  style: CouncilStyle;
}

const appositive = (memberTitle: CouncilStyle['memberTitle'], chairWord: CouncilStyle['chairWord']): CouncilStyle => ({
  memberTitle,
  chairWord,
  roleStyle: 'appositive',
  numbering: 'plain',
});

export const COUNCILS: readonly CouncilDef[] = [
  { name: 'Northbridge Metropolitan Borough Council', place: 'Northbridge', style: appositive('Councillor', 'Chair') },
  {
    name: 'Eastholme County Council',
    place: 'Eastholme',
    style: { memberTitle: 'County Councillor', chairWord: 'Chairman', roleStyle: 'parenthetical', numbering: 'slash' },
  },
  { name: 'Wetherdale District Council', place: 'Wetherdale', style: appositive('Cllr', 'Chairman') },
  { name: 'Kingsmere City Council', place: 'Kingsmere', style: appositive('Councillor', 'Chair') },
  {
    name: 'Marlshire County Council',
    place: 'Marlshire',
    style: { memberTitle: 'County Councillor', chairWord: 'Chair', roleStyle: 'parenthetical', numbering: 'plain' },
  },
  { name: 'Ashcombe Borough Council', place: 'Ashcombe', style: appositive('Cllr', 'Chair') },
  { name: 'Halvergate Metropolitan Borough Council', place: 'Halvergate', style: appositive('Councillor', 'Chair') },
  {
    name: 'Stourfield City Council',
    place: 'Stourfield',
    style: { memberTitle: 'Councillor', chairWord: 'Chairman', roleStyle: 'parenthetical', numbering: 'slash' },
  },
  { name: 'Ravensby Borough Council', place: 'Ravensby', style: appositive('Councillor', 'Chair') },
  { name: 'Lydmouth Council', place: 'Lydmouth', style: appositive('Cllr', 'Chair') },
];

export const COMMITTEES: readonly string[] = [
  "Children and Young People's Scrutiny Commission",
  'Corporate Parenting Board',
  'Health and Wellbeing Board',
  "Children's Select Committee",
  'Health Scrutiny Panel',
  'Overview and Scrutiny Management Board',
  'Safer Communities Scrutiny Panel',
  'Education and Skills Scrutiny Committee',
];

export const FIRST_NAMES: readonly string[] = [
  'Aisha', 'Alan', 'Alison', 'Amir', 'Andrea', 'Angela', 'Anthony', 'Beth', 'Bilal', 'Brian', 'Carl', 'Caroline',
  'Catherine', 'Chloe', 'Clare', 'Colin', 'Craig', 'Daniel', 'Dawn', 'Deborah', 'Declan', 'Eleanor', 'Emma', 'Farah',
  'Fiona', 'Gareth', 'Gemma', 'Graham', 'Hannah', 'Harriet', 'Helen', 'Ian', 'Imran', 'Jacqueline', 'James', 'Janet',
  'Jason', 'Joanne', 'Jonathan', 'Julie', 'Karen', 'Katie', 'Keith', 'Kirsty', 'Lauren', 'Leanne', 'Lee', 'Louise',
  'Lucy', 'Malcolm', 'Mandeep', 'Marcus', 'Margaret', 'Martin', 'Michelle', 'Mohammed', 'Natalie', 'Neil', 'Nicola',
  'Nigel', 'Olivia', 'Owen', 'Paul', 'Pauline', 'Priya', 'Rachel', 'Rebecca', 'Richard', 'Robert', 'Sadia', 'Sally',
  'Samantha', 'Sarah', 'Shaun', 'Simon', 'Sophie', 'Stephen', 'Stuart', 'Susan', 'Tariq', 'Teresa', 'Thomas', 'Tracey',
  'Victoria', 'Wayne', 'Yvonne', 'Zoe', 'Mary-Beth', 'Jo-Anne', 'Lee-Ann',
];

export const SURNAMES: readonly string[] = [
  'Abbott', 'Achterberg', 'Ainsworth', 'Akhtar', 'Aldous', 'Allerton', 'Ambler', 'Appleyard', 'Armitage', 'Ashworth',
  'Bairstow', 'Balshaw', 'Barraclough', 'Bassi', 'Beardsley', 'Birtwistle', 'Blenkinsop', 'Boothroyd', 'Brannigan',
  'Brierley', 'Broadbent', 'Brodie', 'Calvert', 'Cartwright', 'Chadwick', 'Clegg', 'Colquhoun', 'Crabtree', 'Crewe',
  'Crowther', 'Dainty', 'Dearden', 'Dinsdale', 'Drabble', 'Dunmore', 'Eastwood', 'Ellerby', 'Entwistle', 'Farooqui',
  'Feeney', 'Fenwick', 'Firth', 'Fothergill', 'Garside', 'Gledhill', 'Goodall', 'Greaves', 'Grimshaw', 'Haigh',
  'Halstead', 'Hartigan', 'Heptonstall', 'Hinchcliffe', 'Holroyd', 'Horsfall', 'Ibbotson', 'Illingworth', 'Jagger',
  'Jessop', 'Kaur', 'Kenworthy', 'Kirwan', 'Lakin', 'Lindqvist', 'Lockwood', 'Lowther', 'Marsden', 'Metcalfe', 'Moxon',
  'Mukherjee', 'Naylor', 'Nettleton', 'Nowak', 'Oduya', 'Ogden', 'Okafor', 'Ollerton', 'Oyelaran', 'Pemberton',
  'Pickersgill', 'Prentice', 'Pryce', 'Quarmby', 'Qureshi', 'Ramsden', 'Rao', 'Redfearn', 'Rhodes', 'Sandhu',
  'Scargill', 'Shackleton', 'Sowerby', 'Stansfield', 'Sugden', 'Sunderland', 'Sutcliffe', 'Tarrant', 'Thackray',
  'Threlfall', 'Tordoff', 'Treharne', 'Varley', 'Wadsworth', 'Wainwright', 'Walmsley', 'Whitcombe', 'Whiteley',
  'Wilberforce', 'Womersley', 'Yeadon', 'Young-Mills', 'Zielinski',
];

export interface TopicDef {
  /** The taxonomy name the extractor's topic rules are meant to find. */
  topic: string;
  /** Report titles; `{Y}` becomes a year span such as 2025-2028, `{P}` the place. */
  titles: readonly string[];
  strategies: readonly string[];
  /** Officer posts that bring this kind of report. */
  posts: readonly string[];
  /** Discussion points, past tense, house style of minutes. */
  points: readonly string[];
  /** What the body asks for ("Requested that ..."). */
  requests: readonly string[];
}

export const TOPICS: readonly TopicDef[] = [
  {
    topic: 'SEND',
    titles: ['Draft SEND Sufficiency Strategy {Y} Update', 'SEND Inclusion and Outreach Update', 'Home to School Transport for Children with SEND'],
    strategies: ['{P} SEND Sufficiency Strategy {Y}', 'High Needs Block Recovery Plan', '{P} Inclusion Charter', 'SEND Travel Assistance Policy'],
    posts: ['Head of Service for SEND', 'SEND Sufficiency Programme Lead', 'Assistant Director for Education and Inclusion'],
    points: [
      'The number of children and young people with an Education, Health and Care Plan had risen by {N} per cent over three years.',
      'Resource bases attached to mainstream schools would provide most of the new specialist places.',
      'Parent carers had asked for clearer information about how specialist places were allocated.',
      'An outreach team drawn from the special schools supported mainstream staff with advice and training.',
      'Timeliness of new Education, Health and Care Plans had improved to {N} per cent within twenty weeks.',
      'Travel times for some children with SEND remained longer than members considered reasonable.',
    ],
    requests: [
      'a breakdown of resource base places by type of need be provided to members',
      'the final strategy be brought back to the {B} before it is submitted to Cabinet',
      'data on the timeliness of Education, Health and Care Plans by locality be circulated',
    ],
  },
  {
    topic: 'children in care',
    titles: ['Looked After Children Sufficiency Strategy {Y} Update', 'Children in Care Council - Presentation', 'Placement Stability Update'],
    strategies: ['Placements Sufficiency Strategy {Y}', '{P} Pledge to Children in Care', 'Corporate Parenting Strategy {Y}'],
    posts: ['Assistant Director for Commissioning and Performance', 'Head of Children in Care Services', 'Service Manager for Children in Care'],
    points: [
      'The number of children in care had fallen from {N1} to {N0} over the year.',
      'Placement stability remained strong, with most children living in the same home for two years or more.',
      'Young people from the Children in Care Council had asked for fewer changes of social worker.',
      'Initial health assessments completed within twenty working days had improved to {N} per cent.',
      'Two further in-house children\'s homes were expected to open during the year.',
    ],
    requests: [
      'the number of children placed more than twenty miles from home be reported to the next meeting',
      'the Children in Care Council be invited back to report on progress against the pledge',
      'information on the locations of in-house children\'s homes by ward be provided to members',
    ],
  },
  {
    topic: 'care leavers',
    titles: ['Care Leavers Local Offer Refresh', 'Care Leavers - Housing Pathway', 'Care Leavers in Education, Employment and Training'],
    strategies: ['Care Leavers Local Offer', 'Joint Housing Protocol for Care Leavers', 'Staying Put Policy', 'Care Leavers Covenant'],
    posts: ['Service Manager for Care Leavers', 'Head of Corporate Parenting', 'Housing Options Manager'],
    points: [
      'The council tax exemption for care leavers had been extended to those living outside the area.',
      'Care leavers in education, employment or training had risen to {N} per cent.',
      'Care leavers had told the service that loneliness after leaving care was their greatest worry.',
      'No care leaver had been placed in bed and breakfast accommodation for more than two nights.',
    ],
    requests: [
      'information on the take-up of the council tax exemption by care leavers be provided to members',
      'a report on housing outcomes for care leavers aged eighteen to twenty-one be brought to a future meeting',
    ],
  },
  {
    topic: 'fostering',
    titles: ['Fostering Sufficiency and Recruitment Update', 'Fostering Service - Quarterly Performance', 'Foster Carer Retention Review'],
    strategies: ['{P} Foster Carer Charter', 'Hearth Hubs Programme', 'Fostering Service Statement of Purpose {Y}', 'Fostering Panel Annual Report'],
    posts: ['Head of Fostering and Adoption', 'Fostering Recruitment Manager', 'Head of Corporate Parenting'],
    points: [
      'There were {N} approved fostering households at the end of the year.',
      'Most carers who left the service did so through retirement or a special guardianship order.',
      'Carers had asked for more respite and for faster access to therapeutic support.',
      'Independent fostering agencies remained a large part of the market for older children and sibling groups.',
      'Enquiries from some wards were well below the average for the area.',
    ],
    requests: [
      'a breakdown of fostering enquiries by ward be circulated to members',
      'the Fostering Panel Annual Report be presented to a future meeting',
      'comparison data on foster carer de-registrations with neighbouring authorities be provided',
    ],
  },
  {
    topic: 'education attainment',
    titles: ['Educational Outcomes {A}', 'Educational Attainment Update', 'Virtual School Headteacher\'s Annual Report {Y}'],
    strategies: ['School Improvement Strategy {Y}', 'Virtual School Headteacher\'s Annual Report', 'Education Performance Outcomes briefing'],
    posts: ['Head of Education Performance', 'Headteacher of the Virtual School', 'Service Director for Education'],
    points: [
      'At Key Stage 2, {N} per cent of pupils met the expected standard in reading, writing and mathematics.',
      'The gap between disadvantaged pupils and their peers had narrowed at primary level but widened at Key Stage 4.',
      'Every child in care of school age had a Personal Education Plan.',
      'Attainment in mathematics at the end of secondary school remained the main concern.',
    ],
    requests: [
      'a briefing note on attainment in mathematics at Key Stage 4 be circulated to members',
      'results for children in care placed out of area be reported separately',
    ],
  },
  {
    topic: 'safeguarding',
    titles: ['Safeguarding Children Partnership Annual Report {Y}', 'Multi-Agency Safeguarding Arrangements', 'Child Exploitation Update'],
    strategies: ['{P} Safeguarding Children Partnership Annual Report {Y}', 'Working Together to Safeguard Children 2023', 'Child Exploitation Strategy {Y}'],
    posts: ['Strategic Director of Children\'s Services', 'Independent Scrutineer', 'Head of Safeguarding and Quality Assurance'],
    points: [
      'The number of children subject to a child protection plan had fallen for the second year running.',
      'Contacts to the front door had continued to rise, with {N} per cent coming from schools.',
      'Learning from rapid reviews had focused on information sharing about infants.',
      'A multi-agency audit was completed six months after every local practice review.',
    ],
    requests: [
      'the findings of the next multi-agency audit be reported to the {B}',
      'data on contacts to the front door by source be provided to members',
    ],
  },
  {
    topic: 'mental health',
    titles: ['Children and Young People\'s Mental Health Update', 'Mental Health Support in Schools', 'Emotional Wellbeing Services Update'],
    strategies: ['Local Transformation Plan for Children and Young People\'s Mental Health {Y}', '{P} Emotional Health and Wellbeing Strategy {Y}'],
    posts: ['Emotional Wellbeing Commissioning Manager', 'Mental Health Support Teams Clinical Lead', 'Director of Public Health'],
    points: [
      'Referrals to specialist mental health services had risen by {N} per cent in the year.',
      'Mental Health Support Teams now worked in {N} schools and colleges.',
      'Children waiting more than eighteen weeks for a first appointment had fallen.',
      'Young people valued being able to refer themselves but found it hard to know which service to contact.',
    ],
    requests: [
      'data on waiting times for a first appointment by age group be shared with members',
      'the number of schools covered by Mental Health Support Teams, by ward, be circulated',
    ],
  },
  {
    topic: 'domestic abuse',
    titles: ['Domestic Abuse Strategy {Y} - Progress Report', 'Domestic Abuse: Support for Children and Young People', 'Safe Accommodation Update'],
    strategies: ['{P} Domestic Abuse Strategy {Y}', 'Safe Steps programme', 'Domestic Abuse Safe Accommodation Strategy'],
    posts: ['Domestic Abuse Partnership Manager', 'Domestic Abuse Strategic Lead', 'Head of Community Safety'],
    points: [
      'Safe accommodation places had increased from {N0} to {N1}.',
      'Police referrals where a child was present had risen, and schools were notified before the next school day.',
      'The refreshed strategy placed greater weight on the voice of children.',
      'Every designated safeguarding lead had been offered training in recognising domestic abuse.',
    ],
    requests: [
      'the refreshed strategy be presented to the {B} for pre-decision scrutiny',
      'data on notifications made to schools each term be provided to members',
    ],
  },
];

/** Later agenda business that a work programme moves around. */
export const WORK_PROGRAMME_SUBJECTS: readonly string[] = [
  'Elective Home Education Annual Report',
  'School Attendance Strategy Update',
  'Youth Justice Plan Progress Report',
  'Independent Reviewing Officer Annual Report',
  'Children Missing Education Update',
  'Early Help Strategy',
  'Family Help Performance Report',
  'Ofsted Focused Visit Action Plan',
  'Community Cohesion Projects Update',
  'Pharmaceutical Needs Assessment',
  'Kinship Support Offer',
  'Youth Service Review',
];

export const PARTNERS: readonly { org: string; post: string }[] = [
  { org: '{P} and District Integrated Care Board', post: 'Designated Doctor for Safeguarding Children' },
  { org: '{P} Parent Carer Forum', post: 'Chair of the {P} Parent Carer Forum' },
  { org: 'Healthwatch {P}', post: 'Chief Officer' },
  { org: '{P} Constabulary', post: 'Head of Public Protection' },
  { org: '{P} Community Health NHS Foundation Trust', post: 'Director of Nursing' },
  { org: '{P} Voluntary Action', post: 'Chief Executive' },
];

export const PORTFOLIOS: readonly string[] = [
  'Children and Families',
  'Education and Skills',
  'Adult Social Care and Health',
  'Communities and Neighbourhoods',
];

export const VENUES: readonly string[] = ['Civic Hall', 'Town Hall', 'County Hall', 'Council House', 'Guildhall'];
export const WEEKDAYS: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Points that fit any report; `{T}` becomes the topic name. */
export const GENERIC_POINTS: readonly string[] = [
  'Performance against the local targets for {T} was rated green for {N} of the indicators in the scorecard.',
  'The service had engaged with young people, parents and carers when developing the priorities for the year.',
  'Benchmarking against statistical neighbours showed the area performing in line with the regional average.',
  'Recruitment and retention of experienced staff remained a challenge, although agency use had fallen to {N} per cent.',
  'A quarterly performance clinic looked at the data in detail and agreed actions where performance had dipped.',
  'The budget for the service had been protected in the current year, but pressures were expected to grow.',
  'Partners had agreed a shared set of outcome measures, so that progress on {T} could be reported consistently.',
  'The service would report progress to the Cabinet Member every quarter and to scrutiny once a year.',
  'Feedback from families had been broadly positive, with {N} per cent saying they felt listened to.',
  'Work with schools had focused on early identification, so that help could be offered before needs escalated.',
  'The new case management system had improved the quality of recording, although some teams were still adjusting.',
  'Officers had visited two authorities rated outstanding to learn from their approach to {T}.',
  'Demand had risen faster than forecast, and the forecasts would be refreshed in the spring.',
  'The voice of the child was now recorded in every assessment and reviewed through monthly audits.',
  'A multi-agency workshop had been held in the autumn to agree the priorities for the next three years.',
  'Members were reminded that the figures for the final quarter were provisional and might change.',
  'The service had secured grant funding for a two-year pilot in the most deprived wards.',
  'Training on {T} had been offered to all elected members, and {N} members had taken part.',
  'Risks to delivery were recorded on the directorate risk register and reviewed by senior leaders each month.',
  'Progress would be monitored through the quarterly performance report to the Commission.',
];

/** Member questions and officer answers, for the discussion part of an item. */
export const QUESTIONS: readonly [string, string][] = [
  ['Members asked how the service knew that its work was making a difference.', 'It was explained that outcomes were tracked for each child and reported to the management team every month.'],
  ['A member asked whether rural parts of the area were as well served as the towns.', 'Officers acknowledged that travel times were longer in rural areas and said that outreach sessions were being added.'],
  ['Members asked what the biggest risk to the plan was.', 'It was confirmed that the availability of qualified staff was the main risk, followed by rising demand.'],
  ['A member asked how families could give feedback.', 'It was explained that families could respond online, by telephone or through the parent carer forum.'],
  ['Members asked whether the targets were ambitious enough.', 'Officers said that the targets had been set against the best performing similar authorities.'],
  ['A member asked about the effect of the cost of living on families.', 'It was noted that referrals mentioning financial hardship had increased and that advice services were now part of the offer.'],
  ['Members asked how the work linked with health partners.', 'It was explained that a joint commissioning group met monthly and shared a single action plan.'],
  ['A member asked whether data could be broken down by ward.', 'Officers agreed to share ward-level data where numbers were large enough not to identify individuals.'],
];
