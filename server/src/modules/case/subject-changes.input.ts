/** The new values an AMENDMENT or ADDITION asks for: the data subject's own field set and bounds. */
export { DataSubjectFieldsArgs as SubjectChangesInput } from '../data-subject/data-subject.inputs';
