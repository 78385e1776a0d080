import { Create, useNotify, useRedirect } from 'react-admin';
import { japanToday } from '../format';
import { CaseForm, toCaseArgs } from './CaseForm';

/** Intake: a request recorded as it arrives; it then waits in the manager's assignment queue. */
export const CaseCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create
      title="mamori.cases.intakeTitle"
      transform={toCaseArgs}
      mutationOptions={{
        onSuccess: (record: { id: string; reference: string }) => {
          notify('mamori.cases.intakeSaved', { type: 'success', messageArgs: { reference: record.reference } });
          redirect('show', 'Case', record.id);
        },
      }}
    >
      <CaseForm defaultValues={{ requester: 'SELF', channel: 'REGISTERED_MAIL', receivedOn: japanToday(), feeYen: 0, hasRequestForm: true, type: 'DISCLOSURE', requestedItems: [], disclosureMethod: 'REGISTERED_MAIL' }} />
    </Create>
  );
};
