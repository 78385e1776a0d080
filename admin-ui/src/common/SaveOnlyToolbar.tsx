import { SaveButton, Toolbar } from 'react-admin';

/** Nothing here is deleted through the UI (deactivation, closing or erasure take its place): save only. */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
