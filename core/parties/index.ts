export { ROLES, rolesAllow, type Role } from './roles';
export { formatMemberNumber, memberNumberInQuery } from './member-number';
export {
  createMember,
  findMember,
  memberById,
  memberView,
  memberWithAccounts,
  searchMembers,
  updateMember,
  type MemberChanges,
  type MemberSearch,
  type MemberView,
  type NewMember,
} from './member-store';
export {
  cloudAccountView,
  cloudAccountWithHistory,
  createCloudAccount,
  findCloudAccount,
  memberCloudAccounts,
  type CloudAccountView,
} from './cloud-account-store';
export {
  changeOwnPassword,
  checkPassword,
  createOperator,
  resetOperatorPassword,
  setOperatorActive,
  signOutEverywhere,
  listOperators,
  loadOperator,
  operatorCount,
  setOperatorRoles,
  type NewOperator,
  type Operator,
} from './operator-store';
export { UNSET_SELLER, sellerAsOf, sellerHistory, sellerOn, setSeller, type DatedSeller } from './seller-store';
