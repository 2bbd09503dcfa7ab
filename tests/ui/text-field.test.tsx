/** A text box at its limit takes no more, and says so: she must not think her words were kept. */
import { render, screen } from '@testing-library/react'
import { TextField } from '../../src/shared/text-field'

test('below the limit it counts', () => {
  render(<TextField value="路灯坏了" max={20} placeholder="标题" onChange={() => undefined} />)
  expect(screen.getByText('4/20')).toBeTruthy()
})

test('at the limit it says the rest was not written in', () => {
  render(<TextField value={'字'.repeat(20)} max={20} placeholder="标题" onChange={() => undefined} />)
  expect(screen.getByText('已到 20 字上限，后面的字没有写进去')).toBeTruthy()
})

test('a phone number is not counted: 11/13 would seem to ask for more digits', () => {
  render(<TextField value="13800001234" max={13} digits placeholder="手机号码" onChange={() => undefined} />)
  expect(screen.queryByText('11/13')).toBeNull()
})
