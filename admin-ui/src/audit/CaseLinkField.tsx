import { Link, useCanAccess, useRecordContext } from 'react-admin';

/** A link to the case an entry was justified by (by id: no lookup, no extra read). */
export const CaseLinkField = (_props: { label?: string; source?: string; sortBy?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ caseId?: string | null }>();
  if (!record?.caseId) return null;
  return (
    <Link to={`/Case/${record.caseId}/show`} onClick={(e: React.MouseEvent) => e.stopPropagation()}>
      #{record.caseId}
    </Link>
  );
};

/** A link to the data subject's page (by id: the trail list reads no names); the number alone for who may not open subjects. */
export const SubjectLinkField = (_props: { label?: string; source?: string; sortBy?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ subjectId?: string | null }>();
  const { canAccess } = useCanAccess({ resource: 'DataSubject', action: 'show' });
  if (!record?.subjectId) return null;
  if (!canAccess) return <span>#{record.subjectId}</span>;
  return (
    <Link to={`/DataSubject/${record.subjectId}/show`} onClick={(e: React.MouseEvent) => e.stopPropagation()}>
      #{record.subjectId}
    </Link>
  );
};
