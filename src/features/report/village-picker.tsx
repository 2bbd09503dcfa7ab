/**
 * Picks the village or community the report is about, level by level (市 → 县/区 → 乡镇/街道 → 村/社区),
 * from account.orgs. Only a village or community can be chosen.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import { LEVEL_LABELS, type OrgNode } from '../../../types'
import { CloudError } from '../../shared/cloud-error'
import { listOrgs } from '../../shared/api/list-orgs'
import './village-picker.css'

interface Props {
  value?: { id: string; name: string }
  onChange: (village: { id: string; name: string }) => void
  error?: string
}

export function VillagePicker({ value, onChange, error }: Props) {
  const [open, setOpen] = useState(false)
  const [trail, setTrail] = useState<OrgNode[]>([])
  const [items, setItems] = useState<OrgNode[]>()
  const [failure, setFailure] = useState<string>()

  const load = async (parent?: OrgNode, nextTrail: OrgNode[] = []) => {
    setItems(undefined)
    setFailure(undefined)
    try {
      const { items: children } = await listOrgs(parent ? { parentId: parent.id } : {})
      // The province is the root of everything: start at its cities.
      if (!parent && children.length === 1 && children[0]!.hasChildren) return load(children[0], [])
      setTrail(nextTrail)
      setItems(children)
    } catch (caught) {
      setFailure(caught instanceof CloudError ? caught.message : '加载失败，请重试')
    }
  }

  const show = () => {
    setOpen(true)
    void load()
  }
  const choose = (org: OrgNode) => {
    if (org.level === 'village') {
      onChange({ id: org.id, name: [...trail.map((t) => t.name), org.name].join(' ') })
      setOpen(false)
    } else {
      void load(org, [...trail, org])
    }
  }
  const back = () => {
    const parent = trail[trail.length - 2]
    void load(parent, trail.slice(0, -1))
  }

  return (
    <View>
      <View className={`field-box tap ${error ? 'field-error' : ''}`} onClick={show}>
        <Text className={value ? '' : 'placeholder'}>{value ? value.name : '请选择您所在的村或社区'}</Text>
      </View>
      {error && <Text className="error-text">{error}</Text>}
      <Popup visible={open} position="bottom" round title="选择村（社区）" onClose={() => setOpen(false)}>
        <View className="picker-body">
          {trail.length > 0 && (
            <View className="picker-trail tap" onClick={back}>
              <Text>‹ 返回上一级　</Text>
              <Text className="muted">{trail.map((t) => t.name).join(' / ')}</Text>
            </View>
          )}
          {failure && <Text className="error-text">{failure}</Text>}
          {!items && !failure && <Text className="muted">正在加载…</Text>}
          {items?.length === 0 && <Text className="muted">这里还没有下级单位</Text>}
          {items?.map((org) => (
            <View key={org.id} className="picker-item tap" onClick={() => choose(org)}>
              <Text>{org.name}</Text>
              <Text className="muted">{org.level === 'village' ? '选择' : `${LEVEL_LABELS[org.level]} ›`}</Text>
            </View>
          ))}
        </View>
      </Popup>
    </View>
  )
}
