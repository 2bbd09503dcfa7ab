/** Invitations: stored and read back; used once, whoever races for it. */
import type { InvitationRecord, Store } from '../../cloudfunctions/_shared/ports/store.port'

export function invitationsContract(current: () => Store) {
  const anInvitation = (code: string): InvitationRecord => ({
    code,
    role: 'member',
    orgId: 'v1',
    createdBy: 'o-convener',
    createdAt: '2026-11-30T01:00:00.000Z',
    expiresAt: '2026-12-07T01:00:00.000Z',
  })

  describe('invitations', () => {
    test('put and get; an unknown code is null', async () => {
      await current().invitations.put(anInvitation('ABCD2345'))
      expect(await current().invitations.get('ABCD2345')).toEqual(anInvitation('ABCD2345'))
      expect(await current().invitations.get('NOPE0000')).toBeNull()
    })

    test('use marks it used once; a second use, or a race, loses', async () => {
      await current().invitations.put(anInvitation('RACE2345'))
      const results = await Promise.all(['o-a', 'o-b', 'o-c'].map((o) => current().invitations.use('RACE2345', o, '2026-11-30T02:00:00.000Z')))
      expect(results.filter(Boolean)).toHaveLength(1)
      const used = await current().invitations.get('RACE2345')
      expect(used?.usedBy).toMatch(/^o-[abc]$/)
      expect(used?.usedAt).toBe('2026-11-30T02:00:00.000Z')
      expect(await current().invitations.use('RACE2345', 'o-d', '2026-11-30T03:00:00.000Z')).toBe(false)
      expect(await current().invitations.use('NOPE0000', 'o-d', '2026-11-30T03:00:00.000Z')).toBe(false)
    })
  })
}
