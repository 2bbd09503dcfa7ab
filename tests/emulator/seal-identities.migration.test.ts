/**
 * The CloudBase rewrite of documents stored before identities were sealed (seal-identities.migration.ts),
 * on the emulator through the real node-sdk: documents in the old shapes (written here as the adapter
 * used to write them) read back before it runs, are found by their reporter and recipient after it,
 * and no document holds her openid or her address any more. A second run changes nothing.
 */
import { COLLECTIONS, createCloudbaseStore } from '../../cloudfunctions/_shared/adapters/cloudbase/store.cloudbase'
import { sealIdentities } from '../../cloudfunctions/_shared/adapters/cloudbase/seal-identities.migration'
import { DEV_KEY, aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import manifest from '../../cloudfunctions/_shared/adapters/cloudbase/indexes.json'
import { LEVELS } from '../../types/enums'
import { T0, aPerson, hoursAfter, step } from '../unit/domain/case.builders'
import { submitted } from '../contract/store.cases.contract'
import { aMessage } from '../contract/store.messages.contract'
import { useEmulatorDatabase } from './emulator.fixture'

const HER = 'o-legacy-reporter-51c9'
const ADDRESS = '蒲河村七组十八号院'
const cipher = aesGcmCipher(DEV_KEY)

const cloud = useEmulatorDatabase('seal-identities')

const everything = () => JSON.stringify(COLLECTIONS.map((name) => cloud.emulator.database.find(name)))

test('rewrites old documents: found by tag, read back the same, no openid or address left', async () => {
  cloud.emulator.database.reset()
  cloud.emulator.database.provision(manifest)
  const h0 = submitted('case-old', { reporter: HER })
  const h = step(h0, { type: 'WithdrawCase', at: hoursAfter(h0.at, 1), actor: aPerson(HER) })
  // The documents exactly as the adapter wrote them before sealing.
  cloud.emulator.database.put('cases', {
    _id: h.state.id, version: 2, status: h.state.status, holderOrgId: h.state.holderOrgId, reporterOpenid: HER,
    clientRequestId: 'req-old', dueAt: null, updatedAt: h.state.updatedAt, chainIds: LEVELS.map((l) => h.state.chain[l]),
    submittedAt: h.state.submittedAt, eventCount: h.events.length, state: h.state,
  })
  h.events.forEach((event, i) =>
    cloud.emulator.database.put('case_events', { _id: `case-old:${String(i + 1).padStart(6, '0')}`, caseId: 'case-old', seq: i + 1, type: event.type, at: event.at, event }),
  )
  cloud.emulator.database.put('case_requests', { _id: `${HER}:req-old`, caseId: 'case-old' })
  const message = aMessage('m-old', { openid: HER, dedupeKey: `case-old@1.0:${HER}:case_received`, caseId: 'case-old' })
  const { id: _id, ...fields } = message
  cloud.emulator.database.put('messages', { _id: 'm-old', ...fields })
  cloud.emulator.database.put('message_keys', { _id: message.dedupeKey, messageId: 'm-old' })
  cloud.emulator.database.put('credits', { _id: `${HER}:tpl-progress`, openid: HER, templateId: 'tpl-progress', count: 2 })
  cloud.emulator.database.put('contacts', { _id: 'case-old', address: ADDRESS, createdAt: T0 })
  cloud.emulator.database.put('audit', {
    _id: 'a-old', at: T0, actorOpenid: HER, actorRole: 'resident', action: 'case.CaseSubmitted', orgId: h.state.chain.village,
    orgPath: [h.state.chain.province], targetType: 'case', targetId: 'case-old', summary: '提交反映',
  })

  const store = createCloudbaseStore(cloud.db, { cipher })
  // Before: an old document still reads back as it was.
  expect((await store.cases.get('case-old'))?.state).toEqual(h.state)
  expect(everything()).toContain(HER)

  const report = await sealIdentities(cloud.db, cipher)
  expect(report).toEqual({ cases: 1, events: h.events.length, messages: 1, credits: 1, contacts: 1, audit: 1 })

  expect(await store.cases.get('case-old')).toEqual({ state: h.state, version: 2 })
  expect(await store.cases.timeline('case-old')).toEqual(h.events)
  expect((await store.cases.reportedBy(HER, 10)).map((s) => s.id)).toEqual(['case-old'])
  expect(await store.cases.byRequest(HER, 'req-old')).toBe('case-old')
  expect(await store.messages.forRecipient(HER, 10)).toEqual([message])
  // The dedupe guard moved with it: the same message is still not stored twice.
  expect(await store.messages.add([{ ...message, id: 'm-again' }])).toBe(0)
  expect(await store.credits.balance(HER)).toEqual({ 'tpl-progress': 2 })
  const contact = await store.contacts.get('case-old')
  expect(contact?.address).toBeUndefined()
  expect(cipher.decrypt(contact!.addressCipher!)).toBe(ADDRESS)

  const stored = everything()
  expect(stored).not.toContain(HER)
  expect(stored).not.toContain(ADDRESS)

  expect(await sealIdentities(cloud.db, cipher)).toEqual({ cases: 0, events: 0, messages: 0, credits: 0, contacts: 0, audit: 0 })
})
