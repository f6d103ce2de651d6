/**
 * What each node type and property of the model means, in words: the GraphQL schema's
 * descriptions of the fields that serve them come from here (src/api/conventions.ts), so a
 * property is explained once. Typed against NODE_TYPES: a property added to the model without a
 * description here does not compile.
 */
import type { BodyKindSchema, NODE_TYPES, NodeType, PersonKindSchema } from './model.ts';
import type { z } from 'zod';

type Described = { [T in NodeType]: { type: string; props: { [K in keyof (typeof NODE_TYPES)[T]['props']]: string } } };

export const NODE_DESCRIPTIONS: Described = {
  Person: {
    type: 'A person the minutes name: a councillor, an officer, or someone from outside the council.',
    props: {
      id: 'Stable global id (`person:…`), the same for the person in every document.',
      name: 'The fullest spelling of the name the minutes use, without titles.',
      aliases: 'Other spellings the minutes use.',
      kind: 'Councillor, officer or external, as the minutes show.',
    },
  },
  Role: {
    type: 'A post, e.g. "Joint Assistant Director for Commissioning and Performance".',
    props: { id: 'Stable global id (`role:…`).', title: 'The post as the minutes name it.' },
  },
  Body: {
    type: 'A committee, board, panel, service, partner organisation or the council itself.',
    props: { id: 'Stable global id (`body:…`).', name: 'The body\'s name as the minutes give it.', kind: 'Council, committee, board, panel, service, partner or other.' },
  },
  Meeting: {
    type: 'One meeting of a body, as its minutes record it.',
    props: {
      id: 'Stable global id (`meeting:…`): the body and the date.',
      date: 'The meeting date: `YYYY-MM-DD`, `YYYY-MM` where only the month is known; null when the text does not say.',
      body: 'The name of the body whose meeting it was; null when the minutes do not say.',
      title: 'A title to show: the body and the date.',
    },
  },
  Item: {
    type: 'An agenda item (minute) of a meeting.',
    props: {
      id: 'Stable global id (`item:…`).',
      number: 'The minute or agenda number as printed; null when the text has none.',
      title: 'The item\'s heading.',
      meeting: 'The id of the meeting it belongs to.',
      ordinal: 'Position in the meeting\'s minutes, from 0.',
    },
  },
  Strategy: {
    type: 'A strategy, policy, plan or report, with the meetings that discussed it.',
    props: { id: 'Stable global id (`strategy:…`).', name: 'Its name as the minutes give it.', kind: 'What it calls itself: strategy, policy, plan, framework, report…' },
  },
  Topic: {
    type: 'A subject items are about (e.g. "SEND", "housing").',
    props: { id: 'Stable global id (`topic:…`).', name: 'The topic\'s name.' },
  },
  Request: {
    type: 'Something a body asked for ("requested that a report be brought back…"), followed until a later meeting answers it.',
    props: { id: 'Stable global id (`request:…`).', text: 'What was asked, as the minutes word it.', item: 'The id of the item where it was asked.' },
  },
  Deferral: {
    type: 'Business moved to a later meeting or month, followed until it comes back.',
    props: {
      id: 'Stable global id (`deferral:…`).',
      subject: 'What was moved.',
      to: '`YYYY-MM` or `YYYY-MM-DD`; null for "a future meeting".',
      from: 'The date of the meeting it was moved from, when known.',
      item: 'The id of the item where it was moved.',
      next: 'True when moved to "the next meeting" without a date.',
    },
  },
  Decision: {
    type: 'One numbered part of a resolution ("RESOLVED – (1) That …"), with who moved and seconded it and the vote where stated.',
    props: {
      id: 'Stable: the item and the resolution\'s text.',
      text: 'The part as printed.',
      outcome: 'Null when the wording does not make the outcome clear.',
      votesFor: 'Votes for, only where printed.',
      votesAgainst: 'Votes against, only where printed.',
      abstentions: 'Abstentions, only where printed.',
      unanimous: 'True for "carried unanimously" (counts stay null unless printed), false for a split vote, null when not stated.',
      item: 'The id of the item it was made in.',
      ordinal: 'Position among the item\'s decisions, from 0.',
    },
  },
  Document: {
    type: 'A published document the graph was read from.',
    props: {
      id: 'Stable global id (`doc:…`), from the path relative to the ingest root.',
      path: 'The path relative to the ingest root: the same document on every machine.',
      name: 'The file name.',
      sha256: 'SHA-256 of the bytes read: a changed file is a new version.',
      format: 'txt, md, html or pdf.',
      url: 'Where the minutes are published (the page\'s canonical link, or `ingest --url`); null when not known.',
    },
  },
};

/** What each person kind and body kind means (enum values in the schema). */
export const PERSON_KIND_DESCRIPTIONS: Record<z.infer<typeof PersonKindSchema>, string> = {
  councillor: 'An elected member (Councillor, Cllr).',
  officer: 'A council officer: staff named by post.',
  external: 'Someone from outside the council: a partner organisation, a guest, a member of the public.',
};

export const BODY_KIND_DESCRIPTIONS: Record<z.infer<typeof BodyKindSchema>, string> = {
  council: 'The council itself (full Council).',
  committee: 'A committee, commission or sub-committee of the council.',
  board: 'A board (e.g. Health and Wellbeing Board, a partnership board).',
  panel: 'A panel or forum.',
  service: 'A council service or directorate.',
  partner: 'An organisation outside the council.',
  other: 'Any other body.',
};
