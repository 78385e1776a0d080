import { QueryClient } from '@tanstack/react-query';

/**
 * No automatic retries (a refused or failed request is shown at once, and an
 * anonymous visitor reaches the sign-in page without waiting out back-offs),
 * and no refetch when the window regains focus: every read of personal data
 * is an audited read, so the UI reads again only when someone asks it to.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});
