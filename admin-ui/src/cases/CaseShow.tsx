import { Alert, Grid, Stack, Typography } from '@mui/material';
import { EditButton, Show, TextField, TopToolbar, useCanAccess, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { CaseStatus } from '@mamori/shared';
import { ChipsField, DayField, EnumField, InstantField } from '../common/fields';
import { Item, Section } from '../common/Section';
import { formatYen } from '../format';
import { AssignControl } from './AssignControl';
import { AssigneeField } from './AssigneeField';
import { CarryOutPanel } from './CarryOutPanel';
import { DaysLeftField } from './DaysLeftField';
import { DocumentsChecklist } from './DocumentsChecklist';
import { DocumentsPanel, type CaseDocument } from './DocumentsPanel';
import { ReplyLetterPanel } from './ReplyLetterPanel';
import type { RequestedItem } from './requestedItems';
import { RequestedItemsField } from './RequestedItemsField';
import { isShortPath, type CaseFacts } from './rules';
import { SubjectPanel } from './SubjectPanel';
import { TimelinePanel, type CaseTransition } from './TimelinePanel';
import { WorkflowPanel } from './WorkflowPanel';

type CaseRecord = CaseFacts & {
  id: string;
  reference: string;
  noMatchingData: boolean;
  nonDisclosureReasons: string[];
  repliedOn?: string | null;
  completedOn?: string | null;
  carriedOutAt?: string | null;
  outcomeFields: string[];
  allowedTransitions: CaseStatus[];
  timeline: CaseTransition[];
  documents: CaseDocument[];
  requestedItems: RequestedItem[];
  disclosureMethod?: string;
};

const BEFORE_WORK: CaseStatus[] = ['RECEIVED', 'VERIFYING'];
const ANSWERED: CaseStatus[] = ['RESPONDED', 'REJECTED', 'CLOSED'];

const CaseTitle = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  return <span>{record ? `${translate('resources.Case.name', { smart_count: 1 })} ${record.reference}` : ''}</span>;
};

/** Intake corrections (documents arriving later) are possible until the work starts. */
const Actions = () => {
  const record = useRecordContext<CaseRecord>();
  return <TopToolbar>{record && BEFORE_WORK.includes(record.status) && <EditButton label="mamori.cases.correctIntake" />}</TopToolbar>;
};

const Fee = ({ record }: { record: CaseRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const short = record.feeOwedYen - record.feeYen;
  return (
    <Stack gap={1}>
      <Item label="resources.Case.fields.feeOwedYen">
        <Typography data-testid="fee-owed">{formatYen(record.feeOwedYen, locale)}</Typography>
      </Item>
      <Item label="resources.Case.fields.feeYen">
        <Typography data-testid="fee-received">{formatYen(record.feeYen, locale)}</Typography>
      </Item>
      {short > 0 ? (
        <Alert severity="warning">{translate('mamori.cases.feeShort', { amount: formatYen(short, locale) })}</Alert>
      ) : (
        <Alert severity="success">{translate('mamori.cases.feeEnough')}</Alert>
      )}
      <Typography variant="caption" color="text.secondary">
        {translate('mamori.cases.feeNote')}
      </Typography>
    </Stack>
  );
};

const CaseDetail = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const { canAccess: canAssign } = useCanAccess({ resource: 'Case', action: 'assign' });
  const { canAccess: canWork } = useCanAccess({ resource: 'Case', action: 'transition' });
  // the internal auditor reads the workflow and deadlines; names, scans and notes are not asked for
  const { canAccess: personal } = useCanAccess({ resource: 'Case', action: 'readPersonal' });
  if (!record) return null;
  const open = record.status !== 'CLOSED';
  const carryOutShown = canWork && record.status === 'IN_PROGRESS' && !isShortPath(record);
  return (
    <Grid container spacing={2} sx={{ p: 2 }} data-testid="case-detail">
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="resources.Case.name">
          <Grid container spacing={1}>
            <Grid size={6}><Item label="resources.Case.fields.reference"><TextField source="reference" /></Item></Grid>
            <Grid size={6}><Item label="resources.Case.fields.status"><EnumField source="status" enumName="CaseStatus" /></Item></Grid>
            <Grid size={6}><Item label="resources.Case.fields.type"><EnumField source="type" enumName="CaseType" /></Item></Grid>
            <Grid size={6}><Item label="resources.Case.fields.channel"><EnumField source="channel" enumName="Channel" /></Item></Grid>
            <Grid size={6}><Item label="resources.Case.fields.receivedOn"><DayField source="receivedOn" /></Item></Grid>
            <Grid size={6}>
              <Item label="resources.Case.fields.dueOn">
                <Stack direction="row" gap={1} alignItems="center"><DayField source="dueOn" /><DaysLeftField /></Stack>
              </Item>
            </Grid>
            <Grid size={6}><Item label="resources.Case.fields.assigneeId"><AssigneeField /></Item></Grid>
            <Grid size={6}>{canAssign && open && <AssignControl />}</Grid>
            {record.nonDisclosureReasons?.length > 0 && (
              <Grid size={12}><Item label="resources.Case.fields.nonDisclosureReasons"><ChipsField source="nonDisclosureReasons" enumName="NonDisclosureReason" /></Item></Grid>
            )}
            {record.completedOn && <Grid size={6}><Item label="resources.Case.fields.completedOn"><DayField source="completedOn" /></Item></Grid>}
            {record.completedOn && <Grid size={6}><Item label="resources.Case.fields.documentsDestroyOn"><DayField source="documentsDestroyOn" /></Item></Grid>}
            <Grid size={6}><Item label="resources.Case.fields.updatedAt"><InstantField source="updatedAt" /></Item></Grid>
          </Grid>
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="mamori.cases.requester">
          <Item label="resources.Case.fields.requester"><EnumField source="requester" enumName="RequesterKind" /></Item>
          {personal && <Item label="resources.Case.fields.requesterName"><TextField source="requesterName" /></Item>}
          {personal && record.requester === 'REPRESENTATIVE' && <Item label="resources.Case.fields.representativeName"><TextField source="representativeName" /></Item>}
          {personal && <Item label="resources.Case.fields.replyAddress"><TextField source="replyAddress" /></Item>}
          {!personal && <Typography variant="body2" color="text.secondary" data-testid="no-personal-data">{translate('mamori.cases.withoutPersonalData')}</Typography>}
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Section title="mamori.cases.documentsChecklist" testId="documents">
          <DocumentsChecklist record={record} />
          <Item label="resources.Case.fields.requestedItems"><RequestedItemsField items={record.requestedItems ?? []} /></Item>
          <Item label="resources.Case.fields.disclosureMethod"><EnumField source="disclosureMethod" enumName="DisclosureMethod" /></Item>
          {record.type === 'DISCLOSURE_OF_PROVISION_RECORDS' && (
            <Item label="mamori.cases.period"><DayField source="periodFrom" /> – <DayField source="periodTo" /></Item>
          )}
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Section title="mamori.cases.fee" testId="fee">
          <Fee record={record} />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Section title="mamori.cases.subject" testId="subject">
          {personal ? (
            <SubjectPanel caseId={String(record.id)} subjectId={record.subjectId} noMatchingData={record.noMatchingData} open={open} />
          ) : (
            <Typography variant="body2">{record.subjectId ? `#${record.subjectId}` : translate(record.noMatchingData ? 'resources.Case.fields.noMatchingData' : 'mamori.cases.noSubject')}</Typography>
          )}
        </Section>
      </Grid>
      <Grid size={12}>
        <Section title="mamori.cases.workflow" testId="workflow">
          <WorkflowPanel record={record} />
        </Section>
      </Grid>
      {carryOutShown && (
        <Grid size={12}>
          <Section title="mamori.cases.carryOutTitle" testId="carry-out-panel">
            <CarryOutPanel caseId={String(record.id)} type={record.type} carriedOutAt={record.carriedOutAt} outcomeFields={record.outcomeFields ?? []} requestedItems={record.requestedItems ?? []} />
          </Section>
        </Grid>
      )}
      {ANSWERED.includes(record.status) && canWork && (
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title="mamori.cases.replyLetter" testId="reply-letter">
            <ReplyLetterPanel record={record} open={open} />
          </Section>
        </Grid>
      )}
      {personal && (
        <Grid size={{ xs: 12, md: ANSWERED.includes(record.status) && canWork ? 6 : 12 }}>
          <Section title="mamori.cases.scans" testId="scans-panel">
            <DocumentsPanel caseId={String(record.id)} documents={record.documents ?? []} canUpload={Boolean(canWork) && open} />
          </Section>
        </Grid>
      )}
      <Grid size={12}>
        <Section title="mamori.cases.timeline" testId="timeline-panel">
          <TimelinePanel timeline={record.timeline ?? []} withNotes={Boolean(personal)} />
        </Section>
      </Grid>
    </Grid>
  );
};

/** The case page: documents, fee, subject, assignee, the next step with what blocks it, the reply and the timeline. */
export const CaseShow = () => (
  <Show title={<CaseTitle />} actions={<Actions />}>
    <CaseDetail />
  </Show>
);
