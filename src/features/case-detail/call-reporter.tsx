/**
 * Calling her, for those handling a case: the page shows only the masked number; 查看完整号码 asks the
 * server for the full one (each reveal is written to 操作记录) and shows it with her name, and the
 * button then dials it. Two taps, so nobody is rung by accident and the caller sees whom she calls.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../shared/big-button'
import { useSubmit } from '../../shared/use-submit'
import { revealContact } from './api/reveal-contact'

export function CallReporter({ caseId }: { caseId: string }) {
  const [contact, setContact] = useState<{ name?: string; phone: string }>()
  const { busy, submit } = useSubmit()
  const dial = (phone: string) => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
  const reveal = () => submit(async () => setContact(await revealContact({ caseId })))
  return (
    <View className="call-reporter">
      {contact && (
        <Text className="case-line" aria-label={`反映人电话 ${contact.phone}`}>
          {contact.name ? `${contact.name}：` : ''}
          {contact.phone}
        </Text>
      )}
      <BigButton loading={busy} onClick={() => (contact ? dial(contact.phone) : void reveal())}>
        {contact ? `拨打 ${contact.phone}` : '查看完整号码'}
      </BigButton>
    </View>
  )
}
