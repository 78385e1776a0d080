import AddIcon from '@mui/icons-material/AddCircleOutline';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import BusinessIcon from '@mui/icons-material/Business';
import HistoryIcon from '@mui/icons-material/History';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import PolicyIcon from '@mui/icons-material/Policy';
import SchoolIcon from '@mui/icons-material/School';
import GroupsIcon from '@mui/icons-material/Groups';
import EventNoteIcon from '@mui/icons-material/EventNote';
import { CanAccess, Menu, usePermissions, useTranslate } from 'react-admin';
import type { Role } from '@mamori/shared';

/**
 * Each role's menu, daily work first. Resource items hide themselves when the
 * role may not list the resource (authProvider.canAccess) or when the server
 * does not offer it yet; our own pages are wrapped in CanAccess the same way.
 */
export const MainMenu = () => {
  const { permissions: role } = usePermissions<Role>();
  const translate = useTranslate();
  // the manager and the internal auditor see every case and the whole trail; staff their own
  const seesAll = role === 'PRIVACY_MANAGER' || role === 'AUDITOR';
  return (
    <Menu>
      <Menu.DashboardItem />
      {role === 'STAFF' && <Menu.ResourceItem name="Case" primaryText={translate('mamori.menu.myCases')} />}
      {role === 'STAFF' && (
        <CanAccess resource="Case" action="create">
          <Menu.Item to="/Case/create" primaryText="mamori.menu.intake" leftIcon={<AddIcon />} />
        </CanAccess>
      )}
      <CanAccess resource="assignment-queue" action="list">
        <Menu.Item to="/assignment-queue" primaryText="mamori.menu.assignmentQueue" leftIcon={<AssignmentIndIcon />} />
      </CanAccess>
      {seesAll && <Menu.ResourceItem name="Case" />}
      <CanAccess resource="break-glass" action="list">
        <Menu.Item to="/break-glass" primaryText="mamori.menu.breakGlass" leftIcon={<PolicyIcon />} />
      </CanAccess>
      {seesAll && <Menu.ResourceItem name="AuditEntry" />}
      <Menu.ResourceItem name="LedgerRecord" />
      <Menu.ResourceItem name="DataSubject" />
      <CanAccess resource="DataSubject" action="breakGlass">
        <Menu.Item to="/break-glass-read" primaryText="mamori.menu.breakGlassRead" leftIcon={<LockOpenIcon />} />
      </CanAccess>
      <Menu.ResourceItem name="ThirdPartyProvision" />
      <Menu.ResourceItem name="ReceivedDataRecord" />
      <Menu.ResourceItem name="Subcontractor" />
      <Menu.ResourceItem name="ConfidentialityAgreement" />
      <Menu.ResourceItem name="SupervisionReview" />
      <Menu.ResourceItem name="Entrustment" />
      <Menu.ResourceItem name="Incident" />
      <Menu.ResourceItem name="InternalAudit" />
      <Menu.ResourceItem name="CorrectiveAction" {...(seesAll ? {} : { primaryText: translate('mamori.menu.myCorrectiveActions') })} />
      <Menu.ResourceItem name="ManagementReview" />
      <Menu.ResourceItem name="ManagementReviewAction" {...(seesAll ? {} : { primaryText: translate('mamori.menu.myReviewActions') })} />
      <Menu.ResourceItem name="PurposeOfUse" />
      <Menu.ResourceItem name="TrainingCourse" />
      <CanAccess resource="training-status" action="list">
        <Menu.Item to="/training-status" primaryText="mamori.menu.trainingStatus" leftIcon={<GroupsIcon />} />
      </CanAccess>
      {seesAll && <Menu.ResourceItem name="TrainingCompletion" />}
      <CanAccess resource="my-training" action="list">
        <Menu.Item to="/my-training" primaryText="mamori.menu.myTraining" leftIcon={<SchoolIcon />} />
      </CanAccess>
      <CanAccess resource="calendar" action="list">
        <Menu.Item to="/calendar" primaryText="mamori.menu.calendar" leftIcon={<EventNoteIcon />} />
      </CanAccess>
      <Menu.ResourceItem name="User" />
      <CanAccess resource="organisation" action="edit">
        <Menu.Item to="/organisation" primaryText="mamori.menu.organisation" leftIcon={<BusinessIcon />} />
      </CanAccess>
      {role === 'STAFF' && <Menu.ResourceItem name="AuditEntry" primaryText={translate('mamori.menu.myAudit')} leftIcon={<HistoryIcon />} />}
    </Menu>
  );
};
