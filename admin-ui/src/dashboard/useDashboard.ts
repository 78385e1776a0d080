import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';

/** The caller's reminders (one `dashboard` request, shared by every card on the page). */
export function useDashboard() {
  const dataProvider = useDataProvider<MamoriDataProvider>();
  return useQuery({ queryKey: ['dashboard', 'reminders'], queryFn: () => dataProvider.dashboard() });
}

/** A link to a list with a filter applied (react-admin reads `filter` from the query string). */
export const listPath = (resource: string, filter: Record<string, unknown>) => `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
