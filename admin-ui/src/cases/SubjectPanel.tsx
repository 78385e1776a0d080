import { Alert, Button, List, ListItem, ListItemText, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { ReferenceField, TextField, useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';
import type { SubjectMatch } from './api';

/**
 * The data subject of the case: its name (an audited read the case justifies)
 * once linked; before that, a search that only ever shows masked names.
 */
export const SubjectPanel = ({ caseId, subjectId, open }: { caseId: string; subjectId?: string | null; open: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const { canAccess: canMatch } = useCanAccess({ resource: 'Case', action: 'match' });
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<SubjectMatch[] | null>(null);
  if (subjectId) {
    return (
      <ReferenceField source="subjectId" reference="DataSubject" link="show">
        <TextField source="fullName" variant="body1" />
      </ReferenceField>
    );
  }
  const search = async () => {
    try {
      setMatches(await dataProvider.matchDataSubjects(caseId, query));
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Stack gap={1}>
      <Typography variant="body2" color="text.secondary">
        {translate('mamori.cases.noSubject')}
      </Typography>
      {open && canMatch && (
        <>
          <Typography variant="caption" color="text.secondary">
            {translate('mamori.cases.matchHint')}
          </Typography>
          <Stack direction="row" gap={1}>
            <MuiTextField size="small" label={translate('mamori.cases.matchQuery')} value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && query && search()} />
            <Button variant="outlined" disabled={!query} onClick={search}>
              {translate('mamori.common.search')}
            </Button>
          </Stack>
          {matches && matches.length === 0 && <Typography variant="body2">{translate('mamori.cases.matchNone')}</Typography>}
          {matches && matches.length > 0 && (
            <>
              <List dense data-testid="subject-matches">
                {matches.map((m) => (
                  <ListItem key={m.id} disableGutters>
                    <ListItemText primary={m.maskedName} secondary={translate(`mamori.enums.SubjectCategory.${m.category}`)} />
                  </ListItem>
                ))}
              </List>
              <Alert severity="info">{translate('mamori.cases.matchLinkMissing')}</Alert>
            </>
          )}
        </>
      )}
    </Stack>
  );
};
