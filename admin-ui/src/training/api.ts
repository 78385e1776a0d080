import { gql } from '@apollo/client';
import type { Role, TrainingResult } from '@mamori/shared';
import { request } from '../graphqlClient';

/** One active user's standing for a fiscal year, as the server computes it. */
export interface TrainingStanding {
  userId: string;
  displayName: string;
  role: Role;
  department: string | null;
  fiscalYear: number;
  coursesRequired: number;
  coursesPassed: number;
  missingCourseIds: string[];
  complete: boolean;
  overdue: boolean;
  lastPassedOn: string | null;
}

const STANDING = 'userId displayName role department fiscalYear coursesRequired coursesPassed missingCourseIds complete overdue lastPassedOn';

const STATUS = gql`
  query TrainingStatus($fiscalYear: Int, $incompleteOnly: Boolean) {
    trainingStatus(fiscalYear: $fiscalYear, incompleteOnly: $incompleteOnly) { ${STANDING} }
  }
`;
const MINE = gql`
  query MyTrainingStatus($fiscalYear: Int) {
    myTrainingStatus(fiscalYear: $fiscalYear) { ${STANDING} }
  }
`;
const RETIRE = gql`
  mutation RetireTrainingCourse($id: ID!) {
    retireTrainingCourse(id: $id) { id retiredAt }
  }
`;
const RECORD = gql`
  mutation RecordTrainingCompletion($courseId: ID!, $userId: ID!, $completedOn: Date!, $result: TrainingResult!, $score: Int) {
    recordTrainingCompletion(courseId: $courseId, userId: $userId, completedOn: $completedOn, result: $result, score: $score) { id }
  }
`;

export interface CompletionInput {
  courseId: string;
  userId: string;
  completedOn: string;
  result: TrainingResult;
  score?: number | null;
}

export const trainingApi = {
  trainingStatus: (fiscalYear: number, incompleteOnly = false) =>
    request<{ trainingStatus: TrainingStanding[] }>(STATUS, { fiscalYear, incompleteOnly }).then((d) => d.trainingStatus),
  myTrainingStatus: (fiscalYear?: number) => request<{ myTrainingStatus: TrainingStanding }>(MINE, { fiscalYear: fiscalYear ?? null }).then((d) => d.myTrainingStatus),
  retireTrainingCourse: (id: string) => request(RETIRE, { id }),
  recordTrainingCompletion: (input: CompletionInput) =>
    request<{ recordTrainingCompletion: { id: string } }>(RECORD, { ...input, score: input.score ?? null }).then((d) => d.recordTrainingCompletion),
};

/** The Japanese fiscal year (April to March) a Japan day falls in, named by the year it starts in. */
export function fiscalYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 4 ? year : year - 1;
}
