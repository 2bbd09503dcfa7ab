/**
 * The group resolver reads the group's id under either spelling: wx.getGroupEnterInfo's cloudID
 * decodes to `{ opengid }`, wx.getShareInfo's to `{ openGId }`. The emulator's getOpenData answers
 * the second (tests/emulator/openapi.test.ts); the first is shown here with a stub.
 */
import { openDataGroupResolver } from '../../cloudfunctions/_shared/adapters/wechat/open-data.group-resolver'

const resolverAnswering = (data: unknown) =>
  openDataGroupResolver({ getOpenData: async ({ list }) => ({ list: list.map((cloudID) => ({ cloudID, data: data as never })) }) })
const WHO = { openid: 'o-convener' }

test('getGroupEnterInfo: opengid', async () => {
  expect(await resolverAnswering({ opengid: 'G-enter', watermark: {} }).openGId({ cloudID: 'c1' }, WHO)).toBe('G-enter')
})

test('getShareInfo: openGId', async () => {
  expect(await resolverAnswering({ openGId: 'G-share', watermark: {} }).openGId({ cloudID: 'c2' }, WHO)).toBe('G-share')
})

test('no group id, an empty one, no cloudID, or a refused cloudID: no group', async () => {
  expect(await resolverAnswering({ watermark: {} }).openGId({ cloudID: 'c3' }, WHO)).toBeNull()
  expect(await resolverAnswering({ opengid: '', openGId: '' }).openGId({ cloudID: 'c4' }, WHO)).toBeNull()
  expect(await resolverAnswering(undefined).openGId({ cloudID: 'c5' }, WHO)).toBeNull()
  expect(await resolverAnswering({ opengid: 'G' }).openGId({ localGroupId: 'g' }, WHO)).toBeNull()
  const refusing = openDataGroupResolver({ getOpenData: async () => Promise.reject(new Error('-604100 expired')) })
  expect(await refusing.openGId({ cloudID: 'c6' }, WHO)).toBeNull()
})
