import { SUBJECT_CATEGORIES } from '@mamori/shared';
import { enumChoices } from '../i18n';

export const subjectCategoryChoices = enumChoices('SubjectCategory', SUBJECT_CATEGORIES);
