import { Button, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';

/** Consents are withdrawn, never deleted. */
export const WithdrawConsentButton = (_props: { label?: string }) => {
  const record = useRecordContext<{ id: string; withdrawnAt?: string | null }>();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  if (!record || record.withdrawnAt) return null;
  return (
    <Button
      label="mamori.subjects.withdraw"
      onClick={async (e) => {
        e.stopPropagation();
        try {
          await dataProvider.withdrawConsent(String(record.id));
          notify('mamori.subjects.withdrawn', { type: 'success' });
          refresh();
        } catch (error) {
          notify((error as Error).message, { type: 'error' });
        }
      }}
    />
  );
};
