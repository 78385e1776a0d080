import { SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, maxLength, required } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { PostalHint, usePostalFill } from '../common/postal';
import { subjectCategoryChoices } from './choices';

/** Save only: subjects are never deleted (erasure replaces the data with a tombstone instead). */
const SaveOnly = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

// Postal code, phone and e-mail are checked by the server, which also reads them as typed
// (full-width digits, any dash, no dash) and names the field it cannot read.

/** Postal code and address: a typed code fills the address (editable afterwards). */
const PostalFields = () => {
  const { setValue } = useFormContext();
  const [code, address] = useWatch({ name: ['postalCode', 'postalAddress'] }) as [string | null, string | null];
  const postal = usePostalFill(code, address, (value) => setValue('postalAddress', value, { shouldDirty: true }));
  return (
    <>
      <TextInput source="postalCode" validate={maxLength(20)} />
      <PostalHint {...postal} />
      <TextInput source="postalAddress" validate={maxLength(300)} fullWidth />
    </>
  );
};

export const SubjectForm = () => (
  <SimpleForm toolbar={<SaveOnly />} sx={{ maxWidth: 720 }}>
    <SelectInput source="category" choices={subjectCategoryChoices} validate={required()} />
    <TextInput source="fullName" validate={[required(), maxLength(100)]} fullWidth />
    <TextInput source="fullNameKana" validate={maxLength(100)} fullWidth />
    <PostalFields />
    <TextInput source="phone" validate={maxLength(30)} />
    <TextInput source="email" validate={maxLength(254)} fullWidth />
    <TextInput source="company" validate={maxLength(200)} fullWidth />
    <TextInput source="division" validate={maxLength(200)} fullWidth />
    <TextInput source="title" validate={maxLength(100)} fullWidth />
  </SimpleForm>
);
