import { SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, maxLength, regex, required, email } from 'react-admin';
import { subjectCategoryChoices } from './choices';

/** Save only: subjects are never deleted (erasure replaces the data with a tombstone instead). */
const SaveOnly = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const postalCode = regex(/^\d{3}-\d{4}$/, '123-4567');
const phone = regex(/^0\d{1,4}-?\d{1,4}-?\d{3,4}$/, '03-1234-5678');

export const SubjectForm = () => (
  <SimpleForm toolbar={<SaveOnly />} sx={{ maxWidth: 720 }}>
    <SelectInput source="category" choices={subjectCategoryChoices} validate={required()} />
    <TextInput source="fullName" validate={[required(), maxLength(100)]} fullWidth />
    <TextInput source="fullNameKana" validate={maxLength(100)} fullWidth />
    <TextInput source="postalCode" validate={postalCode} />
    <TextInput source="postalAddress" validate={maxLength(300)} fullWidth />
    <TextInput source="phone" validate={phone} />
    <TextInput source="email" validate={[email(), maxLength(254)]} fullWidth />
    <TextInput source="company" validate={maxLength(200)} fullWidth />
    <TextInput source="division" validate={maxLength(200)} fullWidth />
    <TextInput source="title" validate={maxLength(100)} fullWidth />
  </SimpleForm>
);
