import { Box, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, PasswordInput, TextInput, required, useTranslate } from 'react-admin';

/** Sign-in with e-mail and password; the language can be chosen before signing in. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <Box sx={{ textAlign: 'center', pt: 1 }}>
        <Typography variant="h6">{translate('mamori.app.title')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('mamori.app.subtitle')}
        </Typography>
        <LocalesMenuButton />
      </Box>
      <LoginForm>
        <TextInput autoFocus source="email" label="ra.auth.email" autoComplete="email" type="email" validate={required()} />
        <PasswordInput source="password" label="ra.auth.password" autoComplete="current-password" validate={required()} />
      </LoginForm>
    </Login>
  );
};
