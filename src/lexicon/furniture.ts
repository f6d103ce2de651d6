/**
 * Page furniture: lines a minutes page prints that are not items, not names and not minutes —
 * the site's navigation, the document's file facts, the agenda's report and officer lines, the
 * page numbers of a printed PDF, the logos' alternative text. Each entry is a whole-line pattern.
 */
export const FURNITURE_LINES: readonly RegExp[] = [
  /^Agenda(?:,| and)[^\n]*$/i,
  /^(?:Agenda|Minutes|Meeting documents|Agendas, reports and minutes|Agenda item|Agenda Item|Page Contents|Breadcrumb Content|Media|Items|Item|No\.? Item|Item No\.?|Item Description(?: Decision|\/Resolution Status Action)?|Preamble|ItemPreamble|Public|Part One|Part 1|Part Two|Part 2|Open Session|Supporting documents:?|Additional documents:?|Accompanying Documents:?|Attachments:?|Background papers:?|Minutes:|Decision:|View directions|Watch Live Webcast|Audio recording|Link:.*|Note:.*|Venue:.*|Contact:.*|Place:.*|Time:.*|Date:.*|Date and time:.*|Location:.*|Webcast.*|Date of decision:.*|Decision Maker:.*|Decision status:.*|Is Key decision\?:.*|Is subject to call in\?:.*|Publication date:.*|Decided at meeting:.*|Report author:.*|Lead officer:.*|Lead Officer:.*|Lead Member:.*|Wards? Affected:?.*|Ward\(s\) Affected:?.*|Ward\(s\):.*|Key Decision:?.*|Forward Plan Reference:?.*|Classification:?.*|Report No:.*|Report Number:.*|Report Reference:.*|Document Pack Page.*|Total Page:\d+|File Type:.*|Please note:.*|Please let us know .*|Members of the public are welcome.*|Council logo|.* logo)$/,
  /^\|\s*No\.\s*\|.*$/,
  /^\|-+\|.*$/,
  /^(?:Page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$/,
  /^-\s*\d{1,4}\s*-$/,
  // "Report of the Executive Director of …", "Joint report of …", "Report by the Director".
  /^(?:Joint\s+)?[Rr]eports?\s+(?:of|by|from)\s+(?:the\s+)?[A-Z][^.]{2,160}$/,
  /^(?:Presentation|Verbal update|Verbal report|Oral report|Oral update)\s+(?:by|from|of)\s+[A-Z][^.]{2,120}$/,
  /^\(?[a-z]\)\s+(?:Joint\s+)?(?:[Rr]eport|Presentation)\s+(?:of|by)\s+.{3,160}$/,
  // Times and bare dates on their own line ("4.30pm-6.15pm", "11 September 2018").
  /^\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*[-–]\s*\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?)?$/i,
  /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}(?:\s+(?:at\s+)?\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?)?$/,
  /^(?:Tel|Telephone|Email|E-mail|Phone)\b.*$/i,
  /^(?:https?:\/\/|www\.)\S+$/,
  /^\(?(?:Pages?|pp?\.)\s*\d+\s*(?:[-–]\s*\d+)?\)?$/i,
  /^Big plans, bright future$/i,
];

export function isFurniture(line: string): boolean {
  const t = line.trim().replace(/\s+/g, ' ');
  return t === '' || FURNITURE_LINES.some((re) => re.test(t));
}
