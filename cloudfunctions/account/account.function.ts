/**
 * `account`: who the caller is, the org tree (picked by everyone, kept by the province admin), who
 * holds which role (onboarding by invitation), a convener's number for residents, the standard answers
 * (知识库) cities and the province keep for resolving cases, and the audit log.
 */
import { defineFunction } from '../_shared/handler/define-function'
import { audit } from './actions/audit.action'
import { importOrgs } from './actions/import-orgs.action'
import { invite } from './actions/invite.action'
import { kbList } from './actions/kb-list.action'
import { kbRetire } from './actions/kb-retire.action'
import { kbSave } from './actions/kb-save.action'
import { me } from './actions/me.action'
import { members } from './actions/members.action'
import { moveVillage } from './actions/move-village.action'
import { orgs } from './actions/orgs.action'
import { path } from './actions/path.action'
import { redeem } from './actions/redeem.action'
import { renameOrg } from './actions/rename-org.action'
import { revoke } from './actions/revoke.action'
import { setPublicPhone } from './actions/set-public-phone.action'
import { setHomeVillage } from './actions/set-home-village.action'

export const accountFunction = defineFunction('account', {
  me,
  orgs,
  path,
  invite,
  redeem,
  setPublicPhone,
  setHomeVillage,
  kbList,
  kbSave,
  kbRetire,
  members,
  revoke,
  renameOrg,
  moveVillage,
  importOrgs,
  audit,
})
