import { Typography } from '@mui/material';
import { useLocaleState } from 'react-admin';
import type { OrganisationProfile } from './api';

/** The organisation as letters sign it: name, address, the person responsible and the contact point. */
export const OrganisationSender = ({ profile, testId }: { profile: OrganisationProfile; testId: string }) => {
  const [locale] = useLocaleState();
  const en = locale === 'en';
  const name = (en ? profile.nameEn : profile.nameJa) || profile.nameJa || profile.nameEn;
  if (!name) return null;
  const department = (en && profile.responsibleDepartmentEn) || profile.responsibleDepartment;
  const title = (en && profile.responsibleTitleEn) || profile.responsibleTitle;
  return (
    <Typography variant="body2" color="text.secondary" component="div" data-testid={testId}>
      <strong>{name}</strong>
      {profile.postalAddress && <div>〒{profile.postalCode} {profile.postalAddress}</div>}
      {(department || title) && <div>{[department, title].filter(Boolean).join(' ')}</div>}
      {profile.contactEmail && <div>{profile.contactEmail}</div>}
    </Typography>
  );
};
