import type { DataProvider } from 'react-admin';
import type { MamoriDataProvider } from './dataProvider';

let loaded: Promise<MamoriDataProvider> | null = null;
const load = () => (loaded ??= import('./dataProvider').then((m) => m.dataProvider));

/**
 * The data provider, loaded with its GraphQL client and bundled schema on the
 * first call instead of with the sign-in page. Every method name (react-admin's
 * and our own) is forwarded; react-admin reads no other property but
 * `supportAbortSignal`, which stays unset.
 */
export const lazyDataProvider = new Proxy({} as DataProvider, {
  get(_target, name) {
    if (typeof name !== 'string' || name === 'then' || name === 'supportAbortSignal') return undefined;
    return async (...args: unknown[]) => {
      const provider = (await load()) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      const method = provider[name];
      if (typeof method !== 'function') throw new Error(`Unknown data provider method: ${name}`);
      return method(...args);
    };
  },
});
