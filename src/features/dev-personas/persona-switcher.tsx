/**
 * Local mode only: a floating "切换身份" button and the list of demo personas from /__dev/personas.
 * Picking one reloads the app as her, so every page shows what that person would see.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import { LEVEL_LABELS, ROLE_LABELS, type Level, type Role } from '../../../types'
import { choosePersona, currentPersona, IS_LOCAL_MODE } from '../../shared/local-mode'
import './persona-switcher.css'

interface Persona {
  openid: string
  name: string
  role: Role | 'resident'
  orgId: string
  orgName: string
  level: Level | null
}

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

  return (
    <View>
      <View className="persona-fab" onClick={show}>
        切换身份
      </View>
      <Popup visible={open} position="bottom" round title="选择演示身份" onClose={() => setOpen(false)}>
        <View className="persona-list">
          {failed && <Text className="muted">无法读取演示身份，请确认本地服务已启动。</Text>}
          {!personas && !failed && <Text className="muted">正在读取…</Text>}
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
        </View>
      </Popup>
    </View>
  )
}
