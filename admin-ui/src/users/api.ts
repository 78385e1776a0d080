import { gql } from '@apollo/client';
import { request } from '../graphqlClient';

const STAFF = gql`
  query ActiveStaff {
    allUsers(perPage: 1000, sortField: "displayName", sortOrder: "ASC", filter: { role: STAFF, active: true }) { id displayName }
  }
`;
const UNLOCK = gql`
  mutation UnlockUser($id: ID!) {
    unlockUser(id: $id) { id lockedUntil }
  }
`;
const RESET = gql`
  mutation ResetUserPassword($id: ID!, $newPassword: String!) {
    resetUserPassword(id: $id, newPassword: $newPassword) { id }
  }
`;
const SET_ACTIVE = gql`
  mutation SetUserActive($id: ID!, $active: Boolean!) {
    updateUser(id: $id, active: $active) { id active }
  }
`;
const ENROLL = gql`
  mutation EnrollTwoFactor {
    enrollTwoFactor { secret otpauthUrl qrCodeDataUrl }
  }
`;
const CONFIRM = gql`
  mutation ConfirmTwoFactor($code: String!) {
    confirmTwoFactor(code: $code)
  }
`;
const RESET_TWO_FACTOR = gql`
  mutation ResetUserTwoFactor($id: ID!) {
    resetUserTwoFactor(id: $id) { id totpEnabled }
  }
`;
const CHANGE_OWN = gql`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { id }
  }
`;

export const userApi = {
  activeStaff: () => request<{ allUsers: Array<{ id: string; displayName: string }> }>(STAFF).then((d) => d.allUsers),
  unlockUser: (id: string) => request(UNLOCK, { id }),
  resetUserPassword: (id: string, newPassword: string) => request(RESET, { id, newPassword }),
  setUserActive: (id: string, active: boolean) => request(SET_ACTIVE, { id, active }),
  changePassword: (currentPassword: string, newPassword: string) => request(CHANGE_OWN, { currentPassword, newPassword }),
  enrollTwoFactor: () =>
    request<{ enrollTwoFactor: { secret: string; otpauthUrl: string; qrCodeDataUrl: string } }>(ENROLL).then((d) => d.enrollTwoFactor),
  /** Returns the ten single-use recovery codes, shown once. */
  confirmTwoFactor: (code: string) => request<{ confirmTwoFactor: string[] }>(CONFIRM, { code }).then((d) => d.confirmTwoFactor),
  resetUserTwoFactor: (id: string) => request(RESET_TWO_FACTOR, { id }),
};
