import { Edit } from 'react-admin';
import { SubjectForm } from './SubjectForm';

/** Changes are audited with keyed digests of the old and new values, never the values themselves. */
export const SubjectEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SubjectForm />
  </Edit>
);
