import { describe, expect, it } from 'vitest';
import { canonicalUrl, htmlToText } from '../../src/load/html.ts';

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Agenda for Improving Lives</title>
<style>.mgText { color: red }</style><script>var councillor = "Councillor Nobody";</script></head>
<body><nav><ul><li>Home</li><li>Committees</li></ul></nav>
<div role="navigation">Skip to content</div>
<div id="content"><h1>Agenda and minutes</h1>
<p>Improving Lives Select Commission - Tuesday 4 November 2025 10.00 a.m.</p>
<table><tr><td>14.</td><td><p>The Looked After Children&rsquo;s Sufficiency Strategy&nbsp;Update</p>
<p>Minutes:</p><p>The Chair welcomed <b>Helen Sweaton</b>,<br>Joint Assistant Director &amp; Lead.</p>
<ul><li>first point</li><li>second point</li></ul></td></tr></table>
</div><footer>Copyright Northbridge Council</footer></body></html>`;

describe('htmlToText', () => {
  const { text, warnings } = htmlToText(Buffer.from(PAGE, 'utf8'), 'page.html');

  it('keeps block structure as line breaks and decodes entities', () => {
    const lines = text.split('\n').filter(Boolean);
    expect(lines).toEqual([
      'Agenda and minutes',
      'Improving Lives Select Commission - Tuesday 4 November 2025 10.00 a.m.',
      '14.',
      'The Looked After Children’s Sufficiency Strategy Update',
      'Minutes:',
      'The Chair welcomed Helen Sweaton,',
      'Joint Assistant Director & Lead.',
      'first point',
      'second point',
    ]);
    expect(warnings).toEqual([]);
  });

  it('drops scripts, styles, navigation and page chrome', () => {
    expect(text).not.toMatch(/Nobody|color|Home|Skip to content|Copyright|<|>/);
  });

  it('reads Windows-1252 pages and says so', () => {
    const bytes = Buffer.from('<p>Children\x92s services \x96 update</p>', 'latin1');
    const out = htmlToText(bytes, 'old.htm');
    expect(out.text.trim()).toBe('Children’s services – update');
    expect(out.warnings.join(' ')).toMatch(/old\.htm.*Windows-1252/);
  });

  it('honours a declared charset', () => {
    const bytes = Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>caf\xe9</p></body></html>', 'latin1');
    expect(htmlToText(bytes, 'x.html').text.trim()).toBe('café');
  });

  it('returns no text for a page without any', () => {
    expect(htmlToText(Buffer.from('<html><script>x()</script></html>'), 'e.html').text).toBe('');
  });

  it('reads where the page is published: its canonical link, else its og:url, only http(s)', () => {
    const head = (tags: string) => `<html><head>${tags}</head><body><p>Minutes</p></body></html>`;
    expect(canonicalUrl(head(`<link rel="canonical" href="https://example.org/mgIssue.aspx?ID=1&amp;Opt=0">`))).toBe('https://example.org/mgIssue.aspx?ID=1&Opt=0');
    expect(canonicalUrl(head(`<meta property="og:url" content='https://example.org/a'><link href=https://example.org/b rel=canonical>`))).toBe('https://example.org/b');
    expect(canonicalUrl(head(`<meta property="og:url" content="https://example.org/a">`))).toBe('https://example.org/a');
    expect(canonicalUrl(head(`<link rel="canonical" href="javascript:alert(1)">`))).toBeNull();
    expect(canonicalUrl(head(`<link rel="stylesheet" href="https://example.org/s.css">`))).toBeNull();
    expect(canonicalUrl(`<html><body><link rel="canonical" href="https://example.org/late"></body></html>`)).toBeNull();
    expect(htmlToText(Buffer.from(head('<link rel="canonical" href="https://example.org/m">')), 'p.html').url).toBe('https://example.org/m');
  });
});
