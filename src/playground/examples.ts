/**
 * The example queries the playground opens with, one tab each. The server fills in the
 * variables from the graph it serves (ids differ between corpora); these are the fallbacks.
 */
export interface Example {
  title: string;
  query: string;
  variables: Record<string, unknown>;
}

export const EXAMPLES: Example[] = [
  {
    title: 'Which items did Helen Sweaton present?',
    query: `# Which items did Helen Sweaton present?
# Try another name in Variables: aliases, titles and misspellings resolve too.
query ItemsPresentedBy($name: String!) {
  person(name: $name) {
    name
    aliases
    roles { title body { name } firstSeen lastSeen }
    presented {
      number
      title
      meeting { date body { name } }
    }
    itemParticipation(relation: PRESENTED) {
      item { title }
      evidence { sentence source { name } }
    }
  }
}
`,
    variables: { name: 'Helen Sweaton' },
  },
  {
    title: 'A meeting with its attendees',
    query: `# Who was at a meeting: chair, members present, apologies, and everyone attending items.
query MeetingWithAttendees($id: ID!) {
  meeting(id: $id) {
    date
    title
    body { name }
    chair { name }
    members { name }
    apologies { name }
    attendees { name roles { title } }
    items { number title presenters { name } }
    sources { name }
  }
}
`,
    variables: { id: '' },
  },
  {
    title: "A strategy's history",
    query: `# Every meeting that discussed a strategy, oldest first, with the sentence that says so.
query StrategyHistory($search: String!) {
  strategies(search: $search, first: 3) {
    name
    kind
    firstSeen
    lastSeen
    history {
      date
      kind
      body { name }
      item { number title }
      evidence { sentence source { name } }
    }
  }
}
`,
    variables: { search: 'Strategy' },
  },
  {
    title: 'A path between two people',
    query: `# The shortest connection between two people, with evidence for each step.
# The ids come from a lookup, e.g. { person(name: "Helen Sweaton") { id } }
# or { search(text: "Brent") { id type label } }: put them in Variables.
# Sending apologies is not a connection, so SENT_APOLOGIES is left out unless you
# list it: path(…, relations: ["ATTENDED", "CHAIRED", "SENT_APOLOGIES"]).
query PathBetweenPeople($from: ID!, $to: ID!) {
  path(from: $from, to: $to, maxHops: 4) {
    nodes { id type label }
    edges {
      type
      from
      to
      evidence { sentence source { name } }
    }
  }
}
`,
    variables: { from: '', to: '' },
  },
  {
    title: 'People with their posts and dates (Popolo-shaped)',
    query: `# People with their posts and dates, in the shape of Popolo persons and memberships:
# \`councilgraph export --format popolo\` writes the whole graph this way (with meetings as
# Open Civic Data events). The comments name the Popolo field each one becomes.
query PopoloPeople($first: Int = 50, $offset: Int = 0) {
  peopleCount                     # "showing 50 of …"
  people(first: $first, offset: $offset) {
    id                            # identifiers[{scheme: "councilgraph"}]
    name
    aliases                       # other_names
    personKind
    roles {                       # memberships (person, post, organization)
      title                       # posts[].label
      role { id }                 # post_id
      body { id name bodyKind }   # organization_id, organizations[].classification
      firstSeen                   # start_date
      lastSeen                    # end_date
      evidence { source { path } } # sources
    }
  }
}
`,
    variables: { first: 50, offset: 0 },
  },
];
