/**
 * Picks the village or community the report is about, level by level (市 → 县/区 → 乡镇/街道 → 村/社区),
 * from account.orgs. Only a village or community can be chosen.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS, type OrgNode } from '../../../types'
import { listOrgs } from '../../shared/api/list-orgs'
import { BottomSheet } from '../../shared/bottom-sheet'
import { RemoteState } from '../../shared/remote-state'
import { useRemote } from '../../shared/use-remote'
import './village-picker.css'

interface Props {
  value?: { id: string; name: string }
  onChange: (village: { id: string; name: string }) => void
  error?: string
}

async function orgsBelow(parent?: OrgNode): Promise<OrgNode[]> {
  const { items } = await listOrgs(parent ? { parentId: parent.id } : {})
  // The province is the root of everything: start at its cities.
  if (!parent && items.length === 1 && items[0]!.hasChildren) return orgsBelow(items[0])
  return items
}

export function VillagePicker({ value, onChange, error }: Props) {
  const [open, setOpen] = useState(false)
  // Every opening starts again from the top, with the lists read afresh.
  const [openings, setOpenings] = useState(0)
  const [trail, setTrail] = useState<OrgNode[]>([])
  const here = trail[trail.length - 1]
  const below = useRemote(() => (openings > 0 ? orgsBelow(here) : Promise.resolve(undefined)), [openings, here?.id])
  // While the next level loads, the last one is gone: no stale row to tap.
  const items = below.loading ? undefined : below.data

  const show = () => {
    setTrail([])
    setOpenings((n) => n + 1)
    setOpen(true)
  }
  const choose = (org: OrgNode) => {
    if (org.level !== 'village') return setTrail([...trail, org])
    onChange({ id: org.id, name: [...trail.map((t) => t.name), org.name].join(' ') })
    setOpen(false)
  }

  return (
    <View>
      <View className={`field-box tap ${error ? 'field-error' : ''}`} onClick={show}>
        <Text className={value ? '' : 'placeholder'}>{value ? value.name : '请选择您所在的村或社区'}</Text>
      </View>
      {error && <Text className="error-text">{error}</Text>}
      <BottomSheet visible={open} title="选择村（社区）" className="sheet-list" onClose={() => setOpen(false)}>
        {trail.length > 0 && (
          <View className="picker-trail tap" onClick={() => setTrail(trail.slice(0, -1))}>
            <Text>‹ 返回上一级　</Text>
            <Text className="muted">{trail.map((t) => t.name).join(' / ')}</Text>
          </View>
        )}
        {!items?.length && <RemoteState remote={{ ...below, data: items }} empty={{ title: '这里还没有下级单位' }} />}
        {items?.map((org) => (
          <View key={org.id} className="picker-item tap" onClick={() => choose(org)}>
            <Text>{org.name}</Text>
            <Text className="muted">{org.level === 'village' ? '选择' : `${LEVEL_LABELS[org.level]} ›`}</Text>
          </View>
        ))}
      </BottomSheet>
    </View>
  )
}
