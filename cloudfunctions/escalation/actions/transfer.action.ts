/**
 * `escalation.transfer` (转办): a misrouted case moves to the right org at its level under the same
 * parent — by the holder within 48 hours of its arrival, or by the parent org's cadre at any time —
 * with fresh deadlines there; the reporter is told. The case's village, and so its chain, become the
 * new one's: at the village level the org it goes to, above it the village she names under that org.
 * Its ladder is read from the tree in the change's transaction; the decider checks that it keeps the
 * parent and everything above (domain/case.decider.ts transferCase).
 */
import { villageLadder } from '../../_shared/orgs/org-path'
import { caseCommand } from '../../_shared/handler/command-action'

export const transfer = caseCommand('escalation', 'transfer', {
  authorization: ['case.transfer'],
  contentChecked: ({ reason }) => [reason],
  // A holder that moves the case to another village no longer sees it: answered `case: null`.
  mayLoseSight: true,
  command: async ({ toOrgId, villageId, reason }, base, state, repos) => {
    const village = state.level === 'village' ? toOrgId : villageId
    const ladder = village === undefined ? null : await villageLadder(repos, village)
    return { ...base, type: 'TransferCase', toOrgId, reason, chain: ladder?.ok ? ladder.chain : null }
  },
})
