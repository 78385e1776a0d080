import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState, type ReactElement, type ReactNode } from 'react';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';

/**
 * A button that asks first: the dialog says what will happen (and holds the
 * inputs it needs); the server's refusal, with the rule it names, is shown
 * as it came and the dialog stays open.
 */
export const DialogButton = ({ label, title, text, icon, children, run, done, testId, ready = true }: {
  label: string;
  title: string;
  text: string;
  icon: ReactElement;
  children?: ReactNode;
  run: () => Promise<unknown>;
  done: string;
  testId: string;
  ready?: boolean;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const confirm = async () => {
    try {
      await run();
      notify(done, { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button label={label} onClick={() => setOpen(true)} data-testid={testId}>
        {icon}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`${testId}-title`}>
        <DialogTitle id={`${testId}-title`}>{translate(title)}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 380 }}>
          <DialogContentText>{translate(text)}</DialogContentText>
          {children}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" onClick={confirm} disabled={!ready} data-testid={`${testId}-confirm`}>
            {translate(label)}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
