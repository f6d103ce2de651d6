/**
 * Hostile query families, shared by the property tests, the running-server tests and the
 * hostile bench: fragments that spread each other, lists nested under small `first`, many
 * small aliases, repeated fields, deep offsets and long strings.
 */

/** `n` fragments on `on`, each spreading the next `fan` times; the last selects `leaf`. */
export function fragmentChain(n: number, fan: number, root = '{ person(name: "Helen Sweaton") { ...F0 } }', on = 'Person', leaf = 'name'): string {
  const frags: string[] = [];
  for (let i = 0; i < n; i++) {
    frags.push(`fragment F${i} on ${on} { ${i === n - 1 ? leaf : Array.from({ length: fan }, () => `...F${i + 1}`).join(' ')} }`);
  }
  return `${root} ${frags.join(' ')}`;
}

/** Lists nested `levels` times under `first` (person → presented → meeting → attendees …). */
export function nestedLists(levels: number, first: number): string {
  const open = `presented(first: ${first}) { meeting { attendees { `.repeat(levels);
  const close = ' } } }'.repeat(levels);
  return `{ people(first: ${first}) { ${open}name${close} } }`;
}

/** `count` aliases, written out or multiplied by spreading one fragment `spreads` times. */
export function manyAliases(count: number, spreads = 1): string {
  const fields = Array.from({ length: count }, (_, i) => `a${i}: stats { documents }`).join(' ');
  if (spreads <= 1) return `{ ${fields} }`;
  // Distinct fragment names spread once each: validation sees every alias again.
  const frags = Array.from({ length: spreads }, (_, k) => `fragment A${k} on Query { ${fields} }`);
  return `{ ${Array.from({ length: spreads }, (_, k) => `...A${k}`).join(' ')} } ${frags.join(' ')}`;
}

/** One field asked for `copies` times in one selection. */
export function repeatedField(copies: number): string {
  return `{ ${Array.from({ length: copies }, () => 'stats { documents }').join(' ')} }`;
}

/** The family the issue names, at sizes that used to stall the server. */
export const FRAGMENT_FAMILY: Record<string, string> = {
  'ten spreads over seven levels': fragmentChain(8, 10),
  '27 fragments each spreading the next twice': fragmentChain(27, 2),
  'the same under __schema': fragmentChain(27, 2, '{ __schema { ...F0 } }', '__Schema', 'description'),
  'lists nested under first: 3': nestedLists(4, 3),
  'aliases multiplied by fragments': manyAliases(25, 4),
  'one field 900 times': repeatedField(900),
};

export const DEEP_OFFSETS = [11_915, 100_001, 200_000, 2 ** 31, 1e15];

/** Every string argument of the schema, each with `text` (a query and its variables). */
export function longStringQueries(text: string): { query: string; variables: Record<string, unknown> }[] {
  const v = { s: text };
  return [
    { query: 'query($s: String) { people(search: $s) { name } }', variables: v },
    { query: 'query($s: String) { bodies(search: $s) { name } }', variables: v },
    { query: 'query($s: String) { strategies(search: $s) { name } }', variables: v },
    { query: 'query($s: String) { topics(search: $s) { name } }', variables: v },
    { query: 'query($s: String) { meetings(body: $s) { id } }', variables: v },
    { query: 'query($s: String!) { person(name: $s) { name } }', variables: v },
    { query: 'query($s: String!) { search(text: $s) { id } }', variables: v },
    { query: 'query($s: ID!) { meeting(id: $s) { id } }', variables: v },
    { query: 'query($s: ID!) { path(from: $s, to: $s) { nodes { id } } }', variables: v },
  ];
}

/** Codes a refused query may carry. */
export const REFUSAL_CODES = [
  'BAD_USER_INPUT',
  'QUERY_TOO_COMPLEX',
  'QUERY_TOO_LARGE',
  'COST_LIMIT_EXCEEDED',
  'DEPTH_LIMIT_EXCEEDED',
  'ALIAS_LIMIT_EXCEEDED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
];
