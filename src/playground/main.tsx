/**
 * The offline GraphQL playground: GraphiQL, bundled and served by councilgraph itself (no
 * CDN), opening with one tab per example query. The server embeds the examples with
 * variables filled from the graph it serves; the built-in ones are the fallback.
 */
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EXAMPLES, type Example } from './examples.ts';
import { fetcher } from './fetcher.ts';
import './playground.css';

function embeddedExamples(): Example[] {
  const text = document.getElementById('councilgraph-examples')?.textContent;
  try {
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (Array.isArray(parsed) && parsed.length) return parsed as Example[];
  } catch {
    // A malformed block is the server's bug; the built-in examples still work.
  }
  return EXAMPLES;
}

const examples = embeddedExamples();
const tabs = examples.map((e) => ({ query: e.query, variables: JSON.stringify(e.variables, null, 2) }));

createRoot(document.getElementById('playground')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher as never}
      defaultTabs={tabs}
      // GraphiQL 4 fills the first editor from this prop, not from the active tab's variables.
      variables={tabs[0]?.variables}
      defaultEditorToolsVisibility="variables"
      // Examples change with the corpus served: don't let an old session's tabs hide them.
      storage={sessionScopedStorage()}
    >
      <GraphiQL.Logo>councilgraph</GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);

/** GraphiQL state kept for this browser tab only (history survives reloads, not new visits). */
function sessionScopedStorage(): Storage {
  return window.sessionStorage;
}
