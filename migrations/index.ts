import { Foundation1764400000000 } from './1764400000000-Foundation';
import { AuditLog1764400001000 } from './1764400001000-AuditLog';
import { PersonalData1764400002000 } from './1764400002000-PersonalData';
import { CaseWorkflow1764400147000 } from './1764400147000-CaseWorkflow';
import { Supervision1764400500000 } from './1764400500000-Supervision';
import { IncidentRegister1764400501000 } from './1764400501000-IncidentRegister';
import { TwoFactor1764400900000 } from './1764400900000-TwoFactor';
import { JobLease1764401800000 } from './1764401800000-JobLease';
import { RequestedItems1764402000000 } from './1764402000000-RequestedItems';
import { AuditTree1764402000000 } from './1764402000000-AuditTree';
import { JapaneseSearchKeys1764402100000 } from './1764402100000-JapaneseSearchKeys';
import { MailReminders1764403300000 } from './1764403300000-MailReminders';
import { TrainingRecords1764404000000 } from './1764404000000-TrainingRecords';
import { ReceivedData1764404100000 } from './1764404100000-ReceivedData';
import { UserDepartment1764405000000 } from './1764405000000-UserDepartment';
import { InternalAudit1764405100000 } from './1764405100000-InternalAudit';
import { PersonalInformationLedger1764406000000 } from './1764406000000-PersonalInformationLedger';
import { ManagementReview1764407000000 } from './1764407000000-ManagementReview';

/** Every migration, in order; one dialect-neutral set for SQLite and MySQL/MariaDB. Never edit a landed one. */
export const migrations = [Foundation1764400000000, AuditLog1764400001000, PersonalData1764400002000, CaseWorkflow1764400147000, Supervision1764400500000, IncidentRegister1764400501000, TwoFactor1764400900000, JobLease1764401800000, RequestedItems1764402000000, AuditTree1764402000000, JapaneseSearchKeys1764402100000, MailReminders1764403300000, TrainingRecords1764404000000, ReceivedData1764404100000, UserDepartment1764405000000, InternalAudit1764405100000, PersonalInformationLedger1764406000000, ManagementReview1764407000000];
