import { Create } from 'react-admin';
import { SubjectForm } from './SubjectForm';

export const SubjectCreate = () => (
  <Create redirect="show">
    <SubjectForm />
  </Create>
);
