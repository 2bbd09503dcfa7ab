/**
 * 我的联系电话, for a convener: the number her council's residents can call with one tap from 首页's
 * 可以找谁, and a sheet to leave, change or clear it (account.setPublicPhone). Shown to conveners only.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { accountContract, type AccountResults } from '../../../types'
import { BigButton } from '../../shared/big-button'
import { BottomSheet } from '../../shared/bottom-sheet'
import { Card } from '../../shared/card'
import { TextField } from '../../shared/text-field'
import { useSubmit } from '../../shared/use-submit'
import { hasRole } from './roles'
import { setPublicPhone } from './api/set-public-phone'
import './public-phone-card.css'

/** The longest number the contract takes with its dash (0xxx-xxxxxxxx). */
const PHONE_MAX = 13

interface Props {
  me: AccountResults['me']
  /** Reads her identity again, so 首页's 可以找谁 shows what residents now see. */
  onChanged: () => unknown
}

export function PublicPhoneCard({ me, onChanged }: Props) {
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string>()
  const { busy, submit } = useSubmit()
  if (!hasRole(me.roles, 'convener')) return null
  const phone = me.publicPhone ?? null

  const start = () => {
    setTyped(phone ?? '')
    setError(undefined)
    setOpen(true)
  }
  const send = (next: string | null, done: string) =>
    submit(async () => {
      await setPublicPhone({ phone: next })
      setOpen(false)
      void Taro.showToast({ title: done, icon: 'success' })
      await onChanged()
    })
  const save = () => {
    // The server's own rule and words, before she waits for an answer (it checks again).
    const parsed = accountContract.setPublicPhone.safeParse({ phone: typed })
    if (!parsed.success) return setError(parsed.error.issues[0]?.message)
    if (parsed.data.phone === null) return setError('请填写电话号码；不想留电话，请点“清除”')
    return send(parsed.data.phone, '已保存')
  }

  return (
    <Card title="我的联系电话">
      {phone ? (
        <Text className="public-phone-line">
          群众在首页点一下就能打给您：<Text className="public-phone">{phone}</Text>
        </Text>
      ) : (
        <Text className="public-phone-line muted">还没有留电话，群众在首页可以一键打给您</Text>
      )}
      <BigButton onClick={start}>{phone ? '修改电话' : '留电话'}</BigButton>

      <BottomSheet visible={open} title="我的联系电话" onClose={() => setOpen(false)}>
        <Text className="public-phone-line muted">填手机号码，或连区号一起填座机。本村群众在首页点一下就能打给您。</Text>
        <TextField
          value={typed}
          max={PHONE_MAX}
          digits
          placeholder="手机号码，如 13800001234"
          error={error}
          onChange={(value) => {
            setTyped(value)
            setError(undefined)
          }}
        />
        <BigButton type="primary" loading={busy} onClick={save}>
          保存
        </BigButton>
        {phone && (
          <BigButton loading={busy} onClick={() => send(null, '已清除')}>
            清除
          </BigButton>
        )}
      </BottomSheet>
    </Card>
  )
}
