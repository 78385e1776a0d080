import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type DocumentNode } from '@apollo/client';
import { setContext } from '@apollo/client/link/context';
import { toHttpError } from './errors';
import { session } from './session';

const withToken = setContext((_operation, { headers }) => {
  const token = session.token();
  return { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
});

/**
 * One GraphQL client for the data provider and the custom operations. Nothing
 * is cached between requests: personal data stays only in the page that asked
 * for it (and each ask is an audited read on the server).
 */
export const client = new ApolloClient({
  link: ApolloLink.from([withToken, new HttpLink({ uri: '/graphql' })]),
  cache: new InMemoryCache(),
  defaultOptions: {
    query: { fetchPolicy: 'no-cache' },
    watchQuery: { fetchPolicy: 'no-cache' },
    mutate: { fetchPolicy: 'no-cache' },
  },
});

function operationOf(document: DocumentNode): 'query' | 'mutation' {
  const definition = document.definitions.find((d) => d.kind === 'OperationDefinition');
  return definition && 'operation' in definition && definition.operation === 'mutation' ? 'mutation' : 'query';
}

/** Runs one of our own queries or mutations; errors come back as react-admin HttpErrors in the user's language. */
export async function request<T>(document: DocumentNode, variables?: Record<string, unknown>): Promise<T> {
  try {
    const result =
      operationOf(document) === 'mutation'
        ? await client.mutate<T>({ mutation: document, variables })
        : await client.query<T>({ query: document, variables });
    if (!result.data) throw new Error('No data in the response');
    return result.data;
  } catch (error) {
    throw toHttpError(error);
  }
}
