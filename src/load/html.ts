/**
 * ModernGov pages saved from a browser → text. The page is parsed into a real DOM
 * (node-html-parser); block elements become line breaks, so a minutes page reads as the
 * "web page" format the segmenter knows (number, title, agenda text, "Minutes:", …), and page
 * chrome (scripts, styles, navigation, forms) is dropped.
 */
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { decodeText } from './decode.ts';

/** Elements whose text is never part of the minutes. */
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'svg',
  'iframe',
  'object',
  'button',
  'select',
  'form',
  'footer',
  'head',
  'title',
  'meta',
  'link',
]);

/** Elements that start and end a line. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li',
  'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const NODE_TEXT = 3;
const NODE_ELEMENT = 1;

export function htmlToText(bytes: Buffer, path: string): { text: string; warnings: string[]; url: string | null } {
  const warnings: string[] = [];
  const html = decode(bytes, path, warnings);
  const url = canonicalUrl(html);
  const root = parse(html.replace(/<!doctype[^>]{0,200}>/i, ''), {
    comment: false,
    lowerCaseTagName: true,
    // Raw-text elements are kept as text nodes by default; they are dropped below instead.
    blockTextElements: { script: true, noscript: true, style: true, pre: true },
  });
  const main = findMain(root) ?? root;
  const out: string[] = [];
  walk(main, out);
  const text = out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text: text.length > 0 ? text + '\n' : '', warnings, url };
}

/**
 * Where the page is published, so an analyst can cite it: its canonical link, else its Open
 * Graph URL (a page saved from a browser keeps both in its head). Only http(s) addresses, read
 * from the head with bounded patterns, never followed.
 */
export function canonicalUrl(html: string): string | null {
  const headEnd = html.search(/<\/head\s*>|<body[\s>]/i);
  const head = html.slice(0, headEnd < 0 ? Math.min(html.length, 200_000) : headEnd);
  const attr = (tag: string, name: string): string | null =>
    new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]{0,2000})"|'([^']{0,2000})'|([^\\s>]{1,2000}))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined) ?? null;
  let og: string | null = null;
  for (const m of head.matchAll(/<(link|meta)\b[^>]{0,4000}>/gi)) {
    const tag = m[0];
    if (m[1]!.toLowerCase() === 'link' && /^canonical$/i.test(attr(tag, 'rel')?.trim() ?? '')) {
      const href = web(attr(tag, 'href'));
      if (href) return href;
    }
    if (m[1]!.toLowerCase() === 'meta' && /^og:url$/i.test(attr(tag, 'property')?.trim() ?? '')) og ??= web(attr(tag, 'content'));
  }
  return og;
}

function web(value: string | null): string | null {
  if (!value) return null;
  const text = value.trim().replace(/&amp;/g, '&');
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The page's main content element, searched without recursion: a page nested 100,000 elements
 * deep (hostile or broken) must not overflow the stack, and css-select's querySelector recurses.
 */
function findMain(root: HTMLElement): HTMLElement | null {
  let byRole: HTMLElement | null = null;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType !== NODE_ELEMENT) continue;
    const el = node as HTMLElement;
    if (el.tagName?.toLowerCase() === 'main') return el;
    if (!byRole && el.getAttribute('role') === 'main') byRole = el;
    for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push(el.childNodes[i]!);
  }
  return byRole;
}

/** The text of a subtree in document order, with line breaks around block elements; iterative (see findMain). */
function walk(start: Node, out: string[]): void {
  // Work items: a node to visit, or the line break that closes a block element.
  const stack: (Node | '\n')[] = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === '\n') {
      out.push('\n');
      continue;
    }
    if (node.nodeType === NODE_TEXT) {
      // `.text` decodes entities (&amp;, &nbsp;, &#8217;).
      out.push(node.text.replace(/\s+/g, ' '));
      continue;
    }
    if (node.nodeType !== NODE_ELEMENT) continue;
    const el = node as HTMLElement;
    const tag = el.tagName?.toLowerCase() ?? '';
    if (DROP.has(tag)) continue;
    if (el.getAttribute('role') === 'navigation' || el.getAttribute('aria-hidden') === 'true' || el.getAttribute('hidden') !== undefined) continue;
    if (tag === 'br') {
      out.push('\n');
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) {
      out.push('\n');
      stack.push('\n');
    }
    for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push(el.childNodes[i]!);
  }
}

/**
 * The page's bytes as text. Pages declaring a charset other than the UTF-8/Latin-1 family are
 * decoded as declared; the rest go through the text loader's decoder (UTF-8, else Windows-1252
 * with a warning), which WHATWG also uses for pages labelled ISO-8859-1.
 */
function decode(bytes: Buffer, path: string, warnings: string[]): string {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const declared = /<meta[^>]{0,200}charset\s*=\s*["']?([A-Za-z0-9_-]{1,40})/i.exec(head)?.[1]?.toLowerCase();
  if (declared && !WESTERN.has(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      warnings.push(`${path}: declares an unknown charset '${declared}'; read it as UTF-8.`);
    }
  }
  const decoded = decodeText(bytes, path);
  warnings.push(...decoded.warnings.map((w) => (w.startsWith(path) ? w : `${path}: ${w}`)));
  return decoded.text;
}

const WESTERN = new Set(['utf-8', 'utf8', 'iso-8859-1', 'latin1', 'l1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii']);
