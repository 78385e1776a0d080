import LinkIcon from '@mui/icons-material/Link';
import { Alert, Button, List, ListItem, ListItemText, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { ReferenceField, TextField, useCanAccess, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';
import type { SubjectMatch } from './api';

/**
 * The data subject of the case: its name (an audited read the case justifies)
 * once linked; before that, a search that only ever shows masked names, and
 * the choice to link a candidate or record that no matching data is held.
 */
export const SubjectPanel = ({ caseId, subjectId, noMatchingData, open }: { caseId: string; subjectId?: string | null; noMatchingData: boolean; open: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const { canAccess: canMatch } = useCanAccess({ resource: 'Case', action: 'match' });
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<SubjectMatch[] | null>(null);
  if (subjectId) {
    return (
      <ReferenceField source="subjectId" reference="DataSubject" link="show">
        <TextField source="fullName" variant="body1" data-testid="case-subject-name" />
      </ReferenceField>
    );
  }
  const run = async (work: () => Promise<unknown>, success?: string) => {
    try {
      await work();
      if (success) {
        notify(success, { type: 'success' });
        refresh();
      }
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Stack gap={1}>
      {noMatchingData ? (
        <Alert severity="info">{translate('resources.Case.fields.noMatchingData')}</Alert>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('mamori.cases.noSubject')}
        </Typography>
      )}
      {open && canMatch && (
        <>
          <Typography variant="caption" color="text.secondary">
            {translate('mamori.cases.matchHint')}
          </Typography>
          <Stack direction="row" gap={1}>
            <MuiTextField
              size="small"
              label={translate('mamori.cases.matchQuery')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && query && run(async () => setMatches(await dataProvider.matchDataSubjects(caseId, query)))}
              slotProps={{ htmlInput: { 'data-testid': 'match-query' } }}
            />
            <Button variant="outlined" disabled={!query} onClick={() => run(async () => setMatches(await dataProvider.matchDataSubjects(caseId, query)))}>
              {translate('mamori.common.search')}
            </Button>
          </Stack>
          {matches && matches.length === 0 && <Typography variant="body2">{translate('mamori.cases.matchNone')}</Typography>}
          {matches && matches.length > 0 && (
            <List dense data-testid="subject-matches">
              {matches.map((m) => (
                <ListItem
                  key={m.id}
                  disableGutters
                  secondaryAction={
                    <Button size="small" startIcon={<LinkIcon />} onClick={() => run(() => dataProvider.linkCaseSubject(caseId, m.id), 'mamori.cases.linked')}>
                      {translate('mamori.cases.link')}
                    </Button>
                  }
                >
                  <ListItemText primary={m.maskedName} secondary={translate(`mamori.enums.SubjectCategory.${m.category}`)} />
                </ListItem>
              ))}
            </List>
          )}
          {!noMatchingData && (
            <div>
              <Button size="small" color="warning" onClick={() => run(() => dataProvider.recordNoMatchingData(caseId), 'mamori.cases.noMatchRecorded')}>
                {translate('mamori.cases.recordNoMatch')}
              </Button>
            </div>
          )}
        </>
      )}
    </Stack>
  );
};
