import { lazy, type ComponentType } from 'react';

/**
 * A page loaded with its own chunk the first time it is opened, so the
 * sign-in page does not download every screen. `load` must be a literal
 * `() => import('./File')` for the bundler to split there; react-admin's
 * layout shows its loading indicator (a Suspense boundary) meanwhile.
 */
export const lazyPage = <M extends Record<K, ComponentType>, K extends keyof M & string>(load: () => Promise<M>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
