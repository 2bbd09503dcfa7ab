/**
 * 我的村（社区）: the village or community she lives in — whose announcements and surveys reach her —
 * remembered from her first named report until she picks one here (account.setHomeVillage). The
 * picker is the page's to give (features do not import each other): the report form's village picker.
 */
import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import type { AccountResults } from '../../../types'
import { Card } from '../../shared/card'
import { useSubmit } from '../../shared/use-submit'
import { setHomeVillage } from './api/set-home-village'
import './home-village-card.css'

interface Props {
  me: AccountResults['me']
  /** The village picker, given what to do when she picks one. */
  picker: (pick: (village: { id: string; name: string }) => void) => ReactNode
  onChanged: () => unknown
}

export function HomeVillageCard({ me, picker, onChanged }: Props) {
  const { submit } = useSubmit()
  const pick = (village: { id: string; name: string }) =>
    void submit(async () => {
      const { homeOrgName } = await setHomeVillage({ orgId: village.id })
      void Taro.showToast({ title: `已选${homeOrgName}`, icon: 'success' })
      await onChanged()
    })
  return (
    <Card title="我的村（社区）" className="home-village">
      <Text className="muted home-village-line">
        {me.homeOrgName
          ? `您住在：${me.homeOrgName}。本村和上级妇联的公告、调研会送到您这里；搬了家可以重新选。`
          : '还没有选您住的村（社区）。选好后，本村和上级妇联的公告、调研会送到您这里。'}
      </Text>
      {picker(pick)}
    </Card>
  )
}
