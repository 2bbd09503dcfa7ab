/** Home: who I am, the latest announcements of my line (最新公告), the surveys waiting for me (调研), and the doors open to me (我要反映 / 我的反映 / 议事 / 工作台). */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Articles, Category, Comment, Edit, Footprint, Hi, Order, Service, UserAdd } from '@nutui/icons-react-taro'
import { LEVEL_LABELS, ROLE_LABELS } from '../../../types'
import { RemoteState } from '../../shared/remote-state'
import { Card } from '../../shared/card'
import { PhoneNumber } from '../../shared/phone-number'
import { useMe } from '../../features/account/use-me'
import { hasRole, keepsAnswers, primaryRole } from '../../features/account/roles'
import { PublicPhoneCard } from '../../features/account/public-phone-card'
import { PersonaSwitcher } from '../../features/dev-personas/persona-switcher'
import { useUnreadBadge } from '../../features/notify/unread-badge'
import { listHeldCases } from '../../features/cases/api/list-held-cases'
import { useReloadOnReturn, useRemote } from '../../shared/use-remote'
import './index.css'
import { ElderModeSwitch } from '../../shared/elder-mode-switch'
import { Page } from '../../shared/page'
import { LatestAnnouncements } from '../../features/outreach/latest-announcements'
import { WaitingSurveys } from '../../features/surveys/waiting-surveys'

interface Entry {
  key: keyof typeof ICONS
  label: string
  hint: string
  url: string
  tab?: boolean
}

/** Each door's picture (NutUI's icon set), so the entries are told apart before they are read. */
const ICONS = { report: Edit, mine: Order, deliberate: Comment, desk: Service, dashboard: Category, invite: UserAdd, knowledge: Articles, audit: Footprint, join: Hi }

export default function HomePage() {
  const remote = useMe()
  const { data: me, error } = remote
  useUnreadBadge()
  const binding = me ? primaryRole(me.roles) : undefined
  const handles = hasRole(me?.roles, 'convener', 'cadre', 'admin')
  // On the desk's door, what waits behind it (3 件待受理): she sees her work before she opens it.
  const desk = useRemote(() => (handles ? listHeldCases().then((r) => r.counts) : Promise.resolve(undefined)), [handles])
  useReloadOnReturn(desk.reload)

  const entries: Entry[] = [
    { key: 'report', label: '我要反映', hint: '问题、诉求或建议，一分钟提交', url: '/pages/report/index' },
    { key: 'mine', label: '我的反映', hint: '查看办理进度', url: '/pages/my-cases/index', tab: true },
  ]
  if (hasRole(me?.roles, 'member', 'convener') || me?.roles.some((b) => b.role === 'cadre' && b.level === 'village')) {
    entries.push({ key: 'deliberate', label: '议事', hint: '议事会线上商议、表决', url: '/council/pages/inbox/index' })
  }
  if (handles) {
    const waiting = desk.data ? [desk.data.pending > 0 && `${desk.data.pending} 件待受理`, desk.data.overdue > 0 && `${desk.data.overdue} 件超期`].filter(Boolean) : []
    entries.push({ key: 'desk', label: '工作台', hint: waiting.length > 0 ? waiting.join('，') : '受理、办理、督办', url: '/federation/pages/inbox/index' })
    entries.push({ key: 'dashboard', label: '数据看板', hint: '办结率、满意率、各级情况', url: '/federation/pages/dashboard/index' })
    entries.push({ key: 'invite', label: '邀请成员', hint: '生成邀请码，请成员加入', url: '/federation/pages/invite/index' })
  }
  if (me?.roles.some(keepsAnswers)) {
    entries.push({ key: 'knowledge', label: '标准答复', hint: '常见问题的答复，基层办结时参考', url: '/federation/pages/knowledge/index' })
  }
  if (hasRole(me?.roles, 'cadre', 'admin')) {
    entries.push({ key: 'audit', label: '操作记录', hint: '谁、何时、在哪一级做了什么', url: '/federation/pages/audit/index' })
  }
  entries.push({ key: 'join', label: '加入议事会', hint: '有邀请码？点这里', url: '/pages/join/index' })

  const open = (entry: Entry) => {
    if (entry.tab) void Taro.switchTab({ url: entry.url })
    else void Taro.navigateTo({ url: entry.url })
  }

  return (
    <Page>
      <View className="card hero">
        {(error || !me) && <RemoteState remote={remote} loadingText="正在读取您的身份…" />}
        {me && (
          <View>
            <Text className="hero-name">{me.name ?? '您好'}</Text>
            <Text className="hero-role">
              {binding
                ? `${ROLE_LABELS[binding.role]} · ${binding.orgName}（${LEVEL_LABELS[binding.level]}）`
                : ROLE_LABELS.resident}
            </Text>
          </View>
        )}
        <Text className="motto">妇女群众有所呼，妇联组织有所应</Text>
      </View>

      <View className="entries">
        {entries.map((entry) => {
          const Icon = ICONS[entry.key]
          return (
            <View key={entry.key} className="entry" onClick={() => open(entry)}>
              <View className="entry-head">
                <Icon className="entry-icon" color="currentColor" />
                <Text className="entry-label">{entry.label}</Text>
              </View>
              <Text className="entry-hint">{entry.hint}</Text>
            </View>
          )
        })}
      </View>
      <LatestAnnouncements />
      <WaitingSurveys />
      <ElderModeSwitch />
      {/* Whom to turn to: her council and its convener (one tap to call, when she left a number), and the hotline that always answers. */}
      <Card title="可以找谁">
        {me?.council && (
          <Text className="resource-line">
            我的议事会：{me.council.name}
            {me.council.convener || me.council.convenerPhone ? `，主任${me.council.convener ? ` ${me.council.convener}` : ''}` : ''}
            {me.council.convenerPhone && <PhoneNumber number={me.council.convenerPhone} />}
          </Text>
        )}
        <Text className="resource-line">
          妇女维权公益服务热线：<PhoneNumber number="12338" />
        </Text>
      </Card>
      {me && <PublicPhoneCard me={me} onChanged={remote.reload} />}
      <PersonaSwitcher />
    </Page>
  )
}
