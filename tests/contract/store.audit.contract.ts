/** The audit log by subtree, newest first with a cursor; contacts scheduled for purge come due in time. */
import type { AuditEntry, Store } from '../../cloudfunctions/_shared/ports/store.port'

export function auditContract(current: () => Store) {
  const entry = (id: string, at: string, orgPath: string[]): AuditEntry => ({
    id,
    at,
    actorOpenid: null,
    actorRole: 'system',
    action: 'case.CaseEscalated',
    orgId: orgPath[orgPath.length - 1]!,
    orgPath,
    targetType: 'case',
    targetId: 'c1',
    summary: '超期自动转上级',
  })
  const t = (h: number) => new Date(Date.UTC(2026, 10, 30, h)).toISOString()

  describe('audit and retention', () => {
    test('an org reads its own and its subtree’s entries, newest first, page by page', async () => {
      await current().audit.add([
        entry('a1', t(1), ['p', 'c1', 'v1']),
        entry('a2', t(2), ['p', 'c1']),
        entry('a3', t(3), ['p', 'c2', 'v2']),
        entry('a4', t(4), ['p', 'c1', 'v11']),
      ])
      const ids = (rows: AuditEntry[]) => rows.map((r) => r.id)
      expect(ids(await current().audit.inSubtree(['p', 'c1'], 10))).toEqual(['a4', 'a2', 'a1'])
      expect(ids(await current().audit.inSubtree(['p', 'c1', 'v1'], 10))).toEqual(['a1'])
      expect(ids(await current().audit.inSubtree(['p'], 2))).toEqual(['a4', 'a3'])
      expect(ids(await current().audit.inSubtree(['p'], 10, { at: t(3), id: 'a3' }))).toEqual(['a2', 'a1'])
      expect(await current().audit.inSubtree(['p', 'c1'], 10)).toContainEqual(entry('a2', t(2), ['p', 'c1']))
    })

    test('contacts come due for purge at their time; unscheduled ones never', async () => {
      const store = current()
      await store.contacts.put({ caseId: 'k1', phoneCipher: 'x', createdAt: t(0) })
      await store.contacts.put({ caseId: 'k2', address: '村东头', createdAt: t(0) })
      await store.contacts.schedulePurge('k1', t(5))
      await store.contacts.schedulePurge('missing', t(1))
      expect(await store.contacts.duePurge(t(4), 10)).toEqual([])
      expect(await store.contacts.duePurge(t(5), 10)).toEqual(['k1'])
      expect((await store.contacts.get('k1'))?.phoneCipher).toBe('x')
    })
  })
}
