import { ProvisionResolver } from '../provision/provision.resolver';
import { ThirdPartyProvision } from '../provision/provision.entity';
import { RetentionResolver } from '../retention/retention.resolver';
import { CaseDocument } from './case-document.entity';
import { CaseTransition } from './case-transition.entity';
import { CaseWorkflowResolver } from './case-workflow.resolver';

/** The case workflow's tables and resolvers beyond Case itself (wired in modules/index.ts). */
export const caseWorkflowEntities = [CaseTransition, CaseDocument, ThirdPartyProvision];
export const caseWorkflowResolvers = [CaseWorkflowResolver, ProvisionResolver, RetentionResolver];
