/** A typed invitation code is read as she would type it, and a wrong one says what is likely wrong. */
import { accountContract } from '../../../types/account.contract'

const parse = (code: string) => accountContract.redeem.safeParse({ code })
const problem = (code: string) => {
  const parsed = parse(code)
  return parsed.success ? null : parsed.error.issues.map((i) => i.message)
}

test('lower case and spaces around are forgiven', () => {
  expect(parse(' abcd2345 ')).toEqual({ success: true, data: { code: 'ABCD2345' } })
})

test.each(['ABCD1234', 'ABCD0234', 'ABCDI234', 'ABCDL234', 'ABCDO234'])('%s: names the characters codes leave out', (code) => {
  expect(problem(code)).toEqual(['邀请码里没有数字 0、1，也没有字母 I、L、O，请核对是否看错了'])
})

test('a short code says how many characters she typed', () => {
  expect(problem('ABC23')).toEqual(['邀请码是 8 位，您输入了 5 位，请核对'])
})

test('anything else that is not a letter or digit', () => {
  expect(problem('ABCD-234')).toEqual(['邀请码只含数字和字母，请核对'])
})
