/**
 * Local mode only: a "切换身份" button at the foot of 首页 and the list of demo personas from /__dev/personas.
 * Picking one reloads the app as her, so every page shows what that person would see.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS, ROLE_LABELS, type Level, type Role } from '../../../types'
import { BottomSheet } from '../../shared/bottom-sheet'
import { choosePersona, currentPersona, IS_LOCAL_MODE } from '../../shared/local-mode'
import { RemoteState } from '../../shared/remote-state'
import './persona-switcher.css'

interface Persona {
  openid: string
  name: string
  role: Role | 'resident'
  orgId: string
  orgName: string
  level: Level | null
}

const NO_HOST = { message: '无法读取演示身份，请确认本地服务已启动。' }

export function PersonaSwitcher() {
  const [open, setOpen] = useState(false)
  const [personas, setPersonas] = useState<Persona[]>()
  const [failed, setFailed] = useState(false)
  if (!IS_LOCAL_MODE) return null

  const show = async () => {
    setOpen(true)
    setFailed(false)
    try {
      const response = await fetch('/__dev/personas')
      setPersonas((await response.json()) as Persona[])
    } catch {
      setFailed(true)
    }
  }
  const pick = (openid: string) => {
    choosePersona(openid)
    setOpen(false)
    void Taro.reLaunch({ url: '/pages/home/index' })
  }
  const active = currentPersona()
  const list = { data: personas, loading: !failed, error: failed ? NO_HOST : undefined, reload: show }

  return (
    <View>
      <View className="persona-button" onClick={show}>
        切换身份
      </View>
      <BottomSheet visible={open} title="选择演示身份" className="sheet-list" onClose={() => setOpen(false)}>
        {!personas && <RemoteState remote={list} loadingText="正在读取…" />}
        {personas?.map((persona) => (
          <View
            key={persona.openid}
            className={`persona-item tap ${persona.openid === active ? 'persona-active' : ''}`}
            onClick={() => pick(persona.openid)}
          >
            <Text className="persona-name">{persona.name}</Text>
            <Text className="muted">
              {ROLE_LABELS[persona.role]} · {persona.orgName}
              {persona.level ? `（${LEVEL_LABELS[persona.level]}）` : ''}
            </Text>
          </View>
        ))}
      </BottomSheet>
    </View>
  )
}
