/**
 * The demo's cases, written on a host's first start (after the demo province) through the host's own
 * surface — intake.submit and escalation.accept as the personas would call them — so the counters,
 * the early warning and the messages are exactly what those calls make, on either host.
 *
 * Three residents in three villages of 道义街道 report unpaid wages the same morning: 道义街道 has one
 * live 矛盾苗头预警 (多地同类: labour rights in 3 of its villages within 14 days) and its cadre a
 * message about it. 蒲河村's convener accepts hers at once, so the month's scorecard of 道义街道 has a
 * village with a score. The alert lives 14 days from the first start (docs/RULES.md "Statistics").
 */
import type { HostBackend } from '../host-backend'
import { DEMO_VILLAGE } from './demo-province'
import { seedDemoStories } from './demo-stories'
import { surfaceCall } from './surface-call'

const DAOYI_VILLAGE = '210113001202'
const ZHENGLIANG = '210113001003'

export const DEMO_REPORTS = [
  {
    openid: 'demo-resident-zhao',
    villageId: DEMO_VILLAGE,
    title: '服装厂拖欠工资三个月',
    content: '我在镇上的服装厂做工，老板说订单款没回来，已经三个月没发工资了，家里孩子上学等着用钱。',
  },
  {
    openid: 'demo-resident-sun',
    villageId: DAOYI_VILLAGE,
    title: '打工的工钱一直要不回来',
    content: '去年在服装厂干的活，工钱到现在还差四千多，找老板好几次都说再等等。',
  },
  {
    openid: 'demo-resident-zhou',
    villageId: ZHENGLIANG,
    title: '厂里不签合同也不交社保',
    content: '服装厂招我们进去时不签劳动合同，也不给交社保，现在还拖着工资不发。',
  },
] as const

/** Files the demo reports and accepts the first, then tells the four stories (demo-stories.ts). */
export async function seedDemoCases(backend: Pick<HostBackend, 'callFunction' | 'clockNow'>): Promise<void> {
  const call = surfaceCall(backend)
  const ids: string[] = []
  for (const [i, report] of DEMO_REPORTS.entries()) {
    const { openid, ...fields } = report
    const data = await call('intake', openid, {
      action: 'submit',
      clientRequestId: `demo-case-${i + 1}`,
      kind: 'problem',
      category: 'labor_social',
      anonymous: false,
      ...fields,
    })
    ids.push(String(data.caseId))
  }
  await call('escalation', 'demo-convener-wang', { action: 'accept', caseId: ids[0] })
  await seedDemoStories(call, () => backend.clockNow())
}
