import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** The id of the hidden, translated "loading" text that names every progress indicator (see ProgressLabel). */
export const PROGRESS_LABEL_ID = 'mamori-progress-label';

const progressNamed = { defaultProps: { 'aria-labelledby': PROGRESS_LABEL_ID } };

/**
 * react-admin's default theme with colours that meet WCAG 2 AA contrast
 * (4.5:1 for text): a darker blue for links, buttons and the app bar, and
 * MUI's contrast threshold raised from 3 to 4.5 so that coloured chips and
 * buttons (warning, info, ...) get dark text where white would be too faint.
 */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    contrastThreshold: 4.5,
    primary: { main: '#1565c0' },
    secondary: { light: '#5e92f3', main: '#0d47a1', dark: '#002171', contrastText: '#fff' },
  },
  components: {
    ...defaultTheme.components,
    MuiCircularProgress: progressNamed,
    MuiLinearProgress: progressNamed,
    // react-admin's page loader writes its message in the "disabled" grey (2.7:1).
    RaLoading: { styleOverrides: { root: ({ theme }: { theme: { palette: { text: { secondary: string } } } }) => ({ '& .RaLoading-message': { color: theme.palette.text.secondary } }) } },
  },
};
