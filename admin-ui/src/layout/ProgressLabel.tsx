import { useTranslate } from 'react-admin';
import { PROGRESS_LABEL_ID } from './theme';

/** The accessible name of every spinner and progress bar (the theme points them here), in the current language. */
export const ProgressLabel = () => {
  const translate = useTranslate();
  return (
    <span id={PROGRESS_LABEL_ID} hidden>
      {translate('ra.page.loading')}
    </span>
  );
};
