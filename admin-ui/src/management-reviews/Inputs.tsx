import { Grid, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { formatDay } from '../format';
import type { CaseCounts, ReviewInputs } from './api';

const P = 'mamori.managementReview.inputs';

/** Rows of a label and a count. */
const CountTable = ({ label, rows }: { label: string; rows: Array<[string, number]> }) => {
  const translate = useTranslate();
  return (
    <Table size="small" aria-label={translate(label)}>
      <TableBody>
        {rows.map(([key, value]) => (
          <TableRow key={key}>
            <TableCell component="th" scope="row">{translate(key)}</TableCell>
            <TableCell align="right">{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const CASE_COLUMNS: Array<keyof Omit<CaseCounts, 'type'>> = ['received', 'completed', 'completedOnTime', 'completedLate', 'open', 'openOverdue'];

const CasesTable = ({ cases }: { cases: ReviewInputs['cases'] }) => {
  const translate = useTranslate();
  const rows = [...cases.byType, cases.total];
  return (
    <Table size="small" aria-label={translate(`${P}.cases`)} data-testid="inputs-cases">
      <TableHead>
        <TableRow>
          <TableCell>{translate(`${P}.caseType`)}</TableCell>
          {CASE_COLUMNS.map((c) => (
            <TableCell key={c} align="right">{translate(`${P}.case.${c}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.type ?? 'total'}>
            <TableCell component="th" scope="row" sx={row.type ? undefined : { fontWeight: 600 }}>
              {row.type ? translate(`mamori.enums.CaseType.${row.type}`) : translate(`${P}.total`)}
            </TableCell>
            {CASE_COLUMNS.map((c) => (
              <TableCell key={c} align="right" sx={row.type ? undefined : { fontWeight: 600 }}>{row[c]}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const rate = (complete: number, users: number) => (users ? `${Math.round((complete / users) * 100)}%` : '—');

const TrainingTable = ({ training }: { training: ReviewInputs['training'] }) => {
  const translate = useTranslate();
  const rows = [...training.byDepartment.map((d) => ({ ...d, total: false })), { department: null, userCount: training.userCount, completeCount: training.completeCount, total: true }];
  return (
    <Table size="small" aria-label={translate(`${P}.training`, { year: training.fiscalYear })} data-testid="inputs-training">
      <TableHead>
        <TableRow>
          <TableCell>{translate(`${P}.department`)}</TableCell>
          <TableCell align="right">{translate(`${P}.users`)}</TableCell>
          <TableCell align="right">{translate(`${P}.completed`)}</TableCell>
          <TableCell align="right">{translate(`${P}.rate`)}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((d, i) => (
          <TableRow key={i}>
            <TableCell component="th" scope="row" sx={d.total ? { fontWeight: 600 } : undefined}>
              {d.total ? translate(`${P}.total`) : (d.department ?? translate(`${P}.noDepartment`))}
            </TableCell>
            <TableCell align="right">{d.userCount}</TableCell>
            <TableCell align="right">{d.completeCount}</TableCell>
            <TableCell align="right">{rate(d.completeCount, d.userCount)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The inputs of a review, section by section: what top management is (or was) presented. */
export const InputsView = ({ inputs }: { inputs: ReviewInputs }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const day = (d: string) => formatDay(d, locale);
  const { internalAudit: a, incidents: i, records: r, training } = inputs;
  return (
    <Grid container spacing={2} data-testid="review-inputs">
      <Grid size={12}>
        <Typography variant="body2" color="text.secondary">
          {translate(`${P}.gathered`, { from: day(inputs.periodFrom), to: day(inputs.periodTo), on: day(inputs.gatheredOn) })}
        </Typography>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title={`${P}.internalAudit`} testId="inputs-audit">
          <CountTable
            label={`${P}.internalAudit`}
            rows={[
              [`${P}.auditCount`, a.auditCount],
              [`${P}.closedAuditCount`, a.closedAuditCount],
              ...a.findings.map((f): [string, number] => [`mamori.enums.AuditFindingKind.${f.kind}`, f.count]),
              [`${P}.openNonconformityCount`, a.openNonconformityCount],
              [`${P}.openCorrectiveActionCount`, a.openCorrectiveActionCount],
              [`${P}.overdueCorrectiveActionCount`, a.overdueCorrectiveActionCount],
            ]}
          />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title={`${P}.incidents`} testId="inputs-incidents">
          <CountTable
            label={`${P}.incidents`}
            rows={[
              [`${P}.incidentCount`, i.count],
              ...i.byKind.map((k): [string, number] => [`mamori.enums.IncidentKind.${k.kind}`, k.count]),
              [`${P}.reportableCount`, i.reportableCount],
              [`${P}.preliminaryOnTime`, i.preliminaryOnTimeCount],
              [`${P}.preliminaryLate`, i.preliminaryLateCount],
              [`${P}.preliminaryOverdue`, i.preliminaryOverdueCount],
              [`${P}.finalOnTime`, i.finalOnTimeCount],
              [`${P}.finalLate`, i.finalLateCount],
              [`${P}.finalOverdue`, i.finalOverdueCount],
            ]}
          />
        </Section>
      </Grid>
      <Grid size={12}>
        <Section title={`${P}.cases`}>
          <CasesTable cases={inputs.cases} />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title={translate(`${P}.training`, { year: training.fiscalYear })}>
          {training.courseCount === 0 ? <Typography variant="body2">{translate(`${P}.noCourse`)}</Typography> : <TrainingTable training={training} />}
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title={`${P}.records`} testId="inputs-records">
          <CountTable
            label={`${P}.records`}
            rows={[
              [`${P}.ledgerRecordCount`, r.ledgerRecordCount],
              [`${P}.ledgerReviewOverdue`, r.ledgerReviewOverdueCount],
              [`${P}.riskAssessmentOverdue`, r.riskAssessmentOverdueCount],
              [`${P}.highRiskUnmitigated`, r.highRiskUnmitigatedCount],
              [`${P}.subcontractorCount`, r.subcontractorCount],
              [`${P}.supervisionOverdue`, r.supervisionOverdueCount],
              [`${P}.subcontractorNotAllowed`, r.subcontractorNotAllowedCount],
              [`${P}.earlierActionOpen`, r.earlierActionOpenCount],
              [`${P}.earlierActionOverdue`, r.earlierActionOverdueCount],
            ]}
          />
        </Section>
      </Grid>
    </Grid>
  );
};
