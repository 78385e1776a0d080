import { Alert, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import type { CaseType } from '@mamori/shared';
import { organisationApi } from '../organisation/api';
import { OrganisationSender } from '../organisation/OrganisationSender';
import { itemText, type RequestedItem } from './requestedItems';

/** What the letter says of a held item, per case type; not-held items are always stated as not held. */
const HELD_OUTCOME: Partial<Record<CaseType, string>> = {
  DISCLOSURE: 'mamori.cases.preview.disclosed',
  AMENDMENT: 'mamori.cases.preview.changedOrNot',
  ADDITION: 'mamori.cases.preview.changedOrNot',
  DELETION: 'mamori.cases.preview.deleted',
  CESSATION_OF_USE: 'mamori.cases.preview.stopped',
  CESSATION_OF_PROVISION: 'mamori.cases.preview.stopped',
};

/** What the letter says of a request answered as a whole rather than item by item. */
const WHOLE_ANSWER: Partial<Record<CaseType, string>> = {
  DISCLOSURE_OF_PROVISION_RECORDS: 'provisions',
  PURPOSE_NOTIFICATION: 'purposes',
};

/**
 * Before the letter is generated: item by item what it will disclose (names of
 * fields, never values), and the organisation that signs it.
 */
export const ReplyPreview = ({ type, items, rejected }: { type: CaseType; items: RequestedItem[]; rejected: boolean }) => {
  const translate = useTranslate();
  const profile = useQuery({ queryKey: ['organisationProfile'], queryFn: organisationApi.organisationProfile });
  const heldOutcome = HELD_OUTCOME[type];
  const fieldNames = (fields: string[]) => fields.map((f) => translate(`resources.DataSubject.fields.${f}`)).join(', ');
  const describe = (i: RequestedItem) => {
    if (i.item === 'OTHER') return translate('mamori.cases.preview.byHand');
    if (!i.held) return translate('mamori.cases.preview.notHeld');
    return translate(heldOutcome!, { fields: fieldNames(i.heldFields ?? []) });
  };
  return (
    <Stack gap={1} data-testid="reply-preview">
      <Typography variant="subtitle2">{translate('mamori.cases.preview.title')}</Typography>
      {rejected ? (
        <Typography variant="body2">{translate('mamori.cases.preview.rejected')}</Typography>
      ) : heldOutcome ? (
        <List dense disablePadding>
          {items.map((i, n) => (
            <ListItem key={`${i.item}-${n}`} disableGutters data-testid={`preview-${i.item}`}>
              <ListItemText primary={itemText(i, translate)} secondary={describe(i)} />
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2">{translate(`mamori.cases.preview.${WHOLE_ANSWER[type] ?? 'answer'}`)}</Typography>
      )}
      {profile.data && profile.data.missingFields.length > 0 ? (
        <Alert severity="warning" data-testid="reply-profile-missing">{translate('mamori.organisation.letterBlocked')}</Alert>
      ) : (
        profile.data && <OrganisationSender profile={profile.data} testId="reply-sender" />
      )}
    </Stack>
  );
};
