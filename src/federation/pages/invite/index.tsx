/**
 * 邀请成员: a convener offers a seat on her council; a cadre a role at her org or below; the admin
 * anything. The result is a code to read out and a card to share into a WeChat chat.
 */
import { useEffect, useState } from 'react'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS, ROLE_LABELS, type AccountResults, type OrgNode, type Role } from '../../../../types'
import { listOrgs } from '../../../shared/api/list-orgs'
import { useRemote } from '../../../shared/use-remote'
import { useSubmit } from '../../../shared/use-submit'
import { BigButton } from '../../../shared/big-button'
import { Card } from '../../../shared/card'
import { Choice } from '../../../shared/choice'
import { formatTime } from '../../../shared/case-format'
import { useMe } from '../../../features/account/use-me'
import { createInvitation } from '../../../features/account/api/create-invitation'
import { Page } from '../../../shared/page'

/** The roles the caller may offer at an org of this level (the server checks the same rules). */
function offerable(myRoles: Role[], level: OrgNode['level']): Role[] {
  const out = new Set<Role>()
  if (myRoles.includes('admin')) ['member', 'convener', 'cadre', 'admin'].forEach((r) => out.add(r as Role))
  if (myRoles.includes('cadre')) ['member', 'convener', 'cadre'].forEach((r) => out.add(r as Role))
  if (myRoles.includes('convener')) out.add('member')
  return [...out].filter((role) => (role === 'member' || role === 'convener' ? level === 'village' : role === 'admin' ? level === 'province' : true))
}

export default function InvitePage() {
  const me = useMe()
  const bindings = (me.data?.roles ?? []).filter((b) => b.role !== 'member')
  const [trail, setTrail] = useState<OrgNode[]>([])
  const here = trail[trail.length - 1]
  const children = useRemote(() => (here && here.hasChildren ? listOrgs({ parentId: here.id }).then((r) => r.items) : Promise.resolve([])), [here?.id])
  const [role, setRole] = useState<Role>()
  const { busy, submit } = useSubmit()
  const [invitation, setInvitation] = useState<AccountResults['invite']>()
  // Another org, another choice of roles.
  const goTo = (next: OrgNode[]) => {
    setTrail(next)
    setRole(undefined)
  }
  const startAt = (b: (typeof bindings)[number]) => goTo([{ id: b.orgId, name: b.orgName, level: b.level, parentId: null, hasChildren: b.level !== 'village' }])
  // One org of her own: nothing to choose, so it is chosen (she can still go down to the orgs below).
  const only = bindings.length === 1 ? bindings[0] : undefined
  useEffect(() => {
    if (only && trail.length === 0) startAt(only)
  }, [only?.orgId])

  useShareAppMessage(() => ({
    title: invitation ? `邀请您加入${invitation.orgName}，担任${ROLE_LABELS[invitation.role]}` : '妇女议事会',
    path: invitation?.sharePath ?? '/pages/home/index',
  }))

  const create = async () => {
    if (!here || !picked) return
    await submit(async () => setInvitation(await createInvitation({ role: picked, orgId: here.id })))
  }

  if (invitation) {
    return (
      <Page>
        <View className="card done">
          <Text className="muted">邀请码</Text>
          <Text className="invite-code">{invitation.code}</Text>
          <Text className="done-text">
            {invitation.orgName} · {ROLE_LABELS[invitation.role]} · {formatTime(invitation.expiresAt)} 前有效，只能使用一次
          </Text>
        </View>
        <Text className="notice">把邀请码告诉对方，请她在小程序首页点“加入议事会”输入；或点右上角“…”把这个页面转发给她。</Text>
        <BigButton onClick={() => Taro.setClipboardData({ data: invitation.code })}>复制邀请码</BigButton>
        <BigButton onClick={() => setInvitation(undefined)}>再邀请一位</BigButton>
      </Page>
    )
  }

  const myRoles = bindings.filter((b) => trail[0]?.id === b.orgId).map((b) => b.role)
  const roles = here ? offerable(myRoles, here.level) : []
  const picked = role ?? (roles.length === 1 ? roles[0] : undefined)
  const waitingFor = !here ? '请先选择邀请到哪个单位' : roles.length === 0 ? '请选择下级单位' : !picked ? '请选择邀请担任的角色' : undefined
  return (
    <Page>
      <Card title="1. 邀请到哪个单位">
        {trail.length === 0 &&
          bindings.map((b) => (
            <Choice
              key={`${b.role}-${b.orgId}`}
              label={b.orgName}
              hint={`${LEVEL_LABELS[b.level]} · 我是${ROLE_LABELS[b.role]}`}
              onPick={() => startAt(b)}
            />
          ))}
        {here && (
          <View>
            <View className="choice choice-on">
              <Text className="choice-label">{trail.map((o) => o.name).join(' / ')}</Text>
              <Text className="choice-hint link" onClick={() => goTo(trail.slice(0, -1))}>
                ‹ 返回上一级
              </Text>
            </View>
            {children.data?.map((org) => (
              <Choice key={org.id} label={`${org.name} ›`} hint={LEVEL_LABELS[org.level]} onPick={() => goTo([...trail, org])} />
            ))}
          </View>
        )}
      </Card>
      {here && (
        <Card title="2. 邀请担任">
          {roles.map((r) => (
            <Choice key={r} on={picked === r} label={ROLE_LABELS[r]} onPick={() => setRole(r)} />
          ))}
          {roles.length === 0 && <Text className="muted">在这一级没有可以邀请的角色，请选择下级单位。</Text>}
        </Card>
      )}
      <BigButton type="primary" loading={busy} disabled={waitingFor !== undefined} onClick={create}>
        生成邀请码
      </BigButton>
      {/* Why the button cannot be tapped yet, in words, not only in grey. */}
      {waitingFor && <Text className="muted button-why">{waitingFor}</Text>}
    </Page>
  )
}
