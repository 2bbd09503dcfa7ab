/** Who may bring whom in, as a table: inviter × role × where. */
import { canInvite, canRevoke } from '../../../cloudfunctions/_shared/domain/invitation.rules'
import type { Person } from '../../../cloudfunctions/_shared/domain/actor.types'
import type { Level, Role } from '../../../types/enums'

const VILLAGE = { level: 'village' as Level, path: ['v1', 't1', 'c1', 'ci1', 'p'] }
const OTHER_VILLAGE = { level: 'village' as Level, path: ['v2', 't2', 'c1', 'ci1', 'p'] }
const TOWNSHIP = { level: 'township' as Level, path: ['t1', 'c1', 'ci1', 'p'] }
const PROVINCE = { level: 'province' as Level, path: ['p'] }

const as = (role: Role, orgId: string): Person => ({ openid: `o-${role}-${orgId}`, roles: [{ role, orgId }] })
const admin = as('admin', 'p')
const townshipCadre = as('cadre', 't1')
const countyCadre = as('cadre', 'c1')
const convener = as('convener', 'v1')
const member = as('member', 'v1')

test.each([
  ['admin', admin, 'admin', PROVINCE, true],
  ['admin', admin, 'convener', VILLAGE, true],
  ['admin', admin, 'admin', TOWNSHIP, false], // admin exists only at the province
  ['township cadre', townshipCadre, 'member', VILLAGE, true],
  ['township cadre', townshipCadre, 'cadre', TOWNSHIP, true],
  ['township cadre', townshipCadre, 'member', OTHER_VILLAGE, false], // not her subtree
  ['township cadre', townshipCadre, 'admin', PROVINCE, false],
  ['county cadre', countyCadre, 'convener', OTHER_VILLAGE, true],
  ['county cadre', countyCadre, 'member', TOWNSHIP, false], // members sit at villages
  ['convener', convener, 'member', VILLAGE, true],
  ['convener', convener, 'convener', VILLAGE, false],
  ['convener', convener, 'member', OTHER_VILLAGE, false],
  ['member', member, 'member', VILLAGE, false],
] as const)('%s offering %s at %j: %s', (_, inviter, role, target, allowed) => {
  expect(canInvite(inviter, role, target)).toBe(allowed)
})

test('revoking follows inviting, and nobody removes her own authority', () => {
  expect(canRevoke(convener, { openid: 'o-x', role: 'member' }, VILLAGE)).toBe(true)
  expect(canRevoke(convener, { openid: convener.openid, role: 'convener' }, VILLAGE)).toBe(false)
  expect(canRevoke(townshipCadre, { openid: townshipCadre.openid, role: 'cadre' }, TOWNSHIP)).toBe(false)
  expect(canRevoke(countyCadre, { openid: townshipCadre.openid, role: 'cadre' }, TOWNSHIP)).toBe(true)
})
