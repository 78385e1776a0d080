import { Edit } from 'react-admin';
import { CaseForm, toCaseArgs } from './CaseForm';

/** Intake corrections and documents arriving later (the server refuses once the work has started). */
export const CaseEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toCaseArgs}>
    <CaseForm />
  </Edit>
);
