import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { session } from './session';

// Without a session, start on the sign-in page (react-admin would otherwise
// render the protected route first and bounce through its logout).
if (!session.token() && !window.location.hash.startsWith('#/login')) window.location.hash = '#/login';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
