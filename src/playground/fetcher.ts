/** How the playground talks to the API: POST /graphql on the server that served it. */

export interface Params {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

/**
 * GraphiQL can send the previous tab's operation name for a moment after a tab switch; an
 * operation name the query does not define is dropped so the server runs the query's own.
 */
export function ownOperationName(params: Params): Params {
  const name = params.operationName;
  if (!name) return params;
  const defined = new RegExp(`\\b(query|mutation|subscription)\\s+${name.replace(/[^_A-Za-z0-9]/g, '')}\\b`).test(params.query);
  return defined ? params : { ...params, operationName: null };
}

export async function fetcher(params: Params): Promise<unknown> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(ownOperationName(params)),
  });
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `The server answered ${res.status} ${res.statusText} with something that is not JSON: ${text.slice(0, 200)}` }] };
  }
}
