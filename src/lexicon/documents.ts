/**
 * Words that name a document a committee discusses: "… Strategy", "… Plan", "… Policy",
 * "… Framework", "… Annual Report". A capitalised phrase ending in one (with its years) names a
 * strategy, policy, plan or report; legislation ("… Act", "… Bill", "… Regulations") is not one.
 */
export const DOCUMENT_HEADS = [
  'strategy', 'policy', 'plan', 'programme', 'report', 'offer', 'covenant', 'charter', 'protocol',
  'framework', 'dashboard', 'briefing', 'project', 'guidance', 'statement', 'agreement', 'map',
  'document', 'paper', 'review', 'compact', 'pledge', 'code', 'declaration', 'manifesto',
  'scheme', 'standards', 'principles', 'assessment', 'audit', 'prospectus', 'vision', 'plan', 'masterplan',
] as const;

export const LEGISLATION_HEADS = ['Act', 'Bill', 'Regulations', 'Regulation', 'Order', 'Rules', 'Directive', 'Measure'] as const;

/** A document's name in text: capitalised words ending in a document word, with a year range around it. */
export const DOCUMENT_NAME = `(?:(?:19|20)\\d{2}(?:[-–/]\\d{2,4})?\\s+)?(?:[A-Z][\\w'’&-]*\\s+|(?:and|of|for|on|the|in|to|&)\\s+){0,10}(?:Strategy|Policy|Plan|Programme|Framework|Charter|Covenant|Protocol|Statement|Offer|Annual Report|Report|Review|Code of [A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*)*|Scheme|Prospectus|Pledge|Declaration|Manifesto)(?:\\s+(?:19|20)\\d{2}(?:\\s*[-–/]\\s*\\d{2,4})?)?`;

/**
 * Documents whose whole name is generic words, yet which name one document in English local
 * government: the statutory development plan, the SEND local offer, adult social care's account.
 */
export const STATUTORY_DOCUMENTS = new Set(['Local Plan', 'Local Offer', 'Local Account', 'Local Transport Plan', 'Local Development Plan', 'Local Development Scheme']);

/** Document names that start with the document word: "Statement of Principles", "Terms of Reference". */
export const HEAD_FIRST_DOCUMENTS = [
  'Statement of', 'Code of', 'Terms of', 'Scheme of', 'Memorandum of', 'Articles of',
] as const;

/** Who issues guidance that is named by its subject ("statutory guidance on …"). */
export const GUIDANCE_SOURCES = ['statutory', 'national', '[Gg]overnment', 'DfE', 'NICE', 'Home Office', 'ministerial', 'new', 'updated', 'revised', 'draft'] as const;
