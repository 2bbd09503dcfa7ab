/**
 * The demo's four stories, told on a host's first start through its own surface — each step the call
 * the person in it would make — so what the app then shows (timelines, counters, messages, results)
 * is exactly what those calls make, on either host. tests/integration/seed-stories.test.ts reads each
 * story back as its people see it.
 *
 * 1. 八里营村's dark road: one woman reports it, five neighbours tap 我也遇到, the council deliberates
 *    and asks the township; it climbs to 沈阳市, whose cadre brings in the power company with a plan.
 * 2. 滨河湾社区's blind couple: a council member reports for them; the convener opens a 绿色通道 and
 *    sends 巾帼志愿者 task by task; solved in the community.
 * 3. 合隆满族乡's 家风家训: 合隆村's council adopts a family-tradition pledge by deliberation; the
 *    township surveys its residents.
 * 4. 小晴 (小南村, 旅顺口区): her mother's private appeal; the council's help plan raises money for the
 *    operation and follows up with counselling. Sensitive: only those handling it read it.
 */
import type { SurfaceCall } from './surface-call'
import { BALIYING, BINHEWAN, HELONG, XIAONAN } from './demo-story-people'

const CITY_CADRE = 'demo-cadre-city'
const COUNTY_CADRE = 'demo-cadre-county'

/** Tells the four stories. `now` is the host's clock. */
export async function seedDemoStories(call: SurfaceCall, now: () => string): Promise<void> {
  const inHours = (hours: number) => new Date(Date.parse(now()) + hours * 3_600_000).toISOString()
  const submit = async (openid: string, clientRequestId: string, report: Record<string, unknown>) =>
    String((await call('intake', openid, { action: 'submit', clientRequestId, anonymous: false, ...report })).caseId)
  const escalation = (openid: string, caseId: string, event: Record<string, unknown>) => call('escalation', openid, { caseId, ...event })
  const deliberate = async (openid: string, open: Record<string, unknown>, ballots: [string, number][]) => {
    const deliberationId = String((await call('deliberation', openid, { action: 'open', closesAt: inHours(72), ...open })).deliberationId)
    for (const [member, choice] of ballots) await call('deliberation', member, { action: 'vote', deliberationId, choices: [choice] })
    await call('deliberation', openid, { action: 'close', deliberationId })
  }

  // 1. 八里营村's dark road.
  const darkRoad = await submit(BALIYING.reporter, 'demo-story-dark-road', {
    kind: 'problem',
    category: 'governance',
    title: '村西到县道那段路没有路灯',
    content: '从村西头到县道有一里多路，一盏路灯都没有。冬天五点天就黑了，孩子放学、我们下夜班都得摸黑走，上个月有人在那儿摔伤了腿。',
    villageId: BALIYING.village,
  })
  for (const neighbour of BALIYING.neighbours) await call('intake', neighbour, { action: 'meToo', caseId: darkRoad })
  await escalation(BALIYING.convener, darkRoad, { action: 'accept' })
  const [xu, han, cao] = BALIYING.members
  await deliberate(
    BALIYING.convener,
    {
      orgId: BALIYING.village,
      caseId: darkRoad,
      title: '村西路段没有路灯怎么办',
      background: '村西头到县道一里多路没有路灯，已有 6 位妇女反映，上个月有人摔伤。架设路灯要从县道接电，村里没有这笔钱，也没有施工资质。',
      options: ['请镇妇联向上协调供电部门架设路灯', '村里先凑钱装几盏太阳能灯', '先组织妇女结伴夜归'],
    },
    [
      [BALIYING.convener, 0],
      [xu, 0],
      [han, 0],
      [cao, 2],
    ],
  )
  await escalation(BALIYING.convener, darkRoad, {
    action: 'escalate',
    reason: '议事会表决：请上级协调供电部门架设路灯。从县道接电要供电部门施工，村里解决不了。',
  })
  await escalation(BALIYING.townshipCadre, darkRoad, { action: 'accept' })
  await escalation(BALIYING.townshipCadre, darkRoad, { action: 'escalate', reason: '镇里已与供电所联系，线路改造要区供电部门立项，请区妇联协调。' })
  await escalation(COUNTY_CADRE, darkRoad, { action: 'accept' })
  await escalation(COUNTY_CADRE, darkRoad, { action: 'escalate', reason: '农村道路照明由市里统一规划，请市妇联协调国网沈阳供电公司。' })
  await escalation(CITY_CADRE, darkRoad, { action: 'accept' })
  await escalation(CITY_CADRE, darkRoad, {
    action: 'assign',
    department: '国网沈阳供电公司',
    note: '请勘测八里营村村西路段，提出架设路灯的方案和工期，并告知市妇联。',
    followUpBy: inHours(7 * 24),
  })
  await escalation(CITY_CADRE, darkRoad, {
    action: 'planTask',
    title: '陪同供电公司现场勘测线路',
    assignee: { kind: 'volunteer', name: '张秀英', phone: '13904001234' },
    dueAt: inHours(5 * 24),
  })
  await escalation(CITY_CADRE, darkRoad, {
    action: 'planTask',
    title: '组织妇女结伴夜归',
    assignee: { kind: 'member', openid: BALIYING.convener },
    dueAt: inHours(3 * 24),
  })

  // 2. 滨河湾社区's blind couple.
  const blindCouple = await submit(BINHEWAN.member, 'demo-story-blind-couple', {
    kind: 'appeal',
    category: 'labor_social',
    title: '盲人夫妇办残疾证和低保没人帮',
    content: '社区 3 号楼的韩桂荣和老伴都看不见，儿女在外地。想办残疾证和低保，不知道去哪办、怎么填表，家里也没人打扫做饭。',
    villageId: BINHEWAN.village,
    onBehalfOf: { name: '韩桂荣' },
  })
  await escalation(BINHEWAN.convener, blindCouple, { action: 'accept' })
  const volunteers = [
    ['陪同去区残联办理残疾证', '张立新', '13940001111', '已陪同两位老人到区残联办好残疾证'],
    ['上门帮助填写低保申请', '孟凡英', '13940002222', '已上门填好低保申请，街道已受理'],
    ['每周上门打扫、送菜', '王春华', '13940003333', '已排好三位志愿者轮流，每周二、周五上门'],
  ] as const
  for (const [title, name, phone] of volunteers) {
    await escalation(BINHEWAN.convener, blindCouple, { action: 'planTask', title, assignee: { kind: 'volunteer', name, phone }, dueAt: inHours(48) })
  }
  for (const [i, [, , , note]] of volunteers.entries()) {
    await escalation(BINHEWAN.convener, blindCouple, { action: 'completeTask', taskId: `t${i + 1}`, note })
  }
  await escalation(BINHEWAN.convener, blindCouple, {
    action: 'resolve',
    outcome: 'solved',
    resolution: '社区为两位老人开通绿色通道：巾帼志愿者陪同办好残疾证，低保申请已由街道受理，志愿者每周二、周五上门打扫、送菜。有事可随时联系社区妇联。',
  })

  // 3. 合隆满族乡's 家风家训.
  const [tong, fu] = HELONG.members
  await deliberate(
    HELONG.convener,
    {
      orgId: HELONG.village,
      title: '制定合隆村家风家训公约',
      background: '乡妇联倡议各村开展家风家训活动。议事会拟把“孝老爱亲、勤俭持家、邻里和睦”写进村规民约，年底评选“最美家庭”。请各位成员表决。',
      options: ['同意写进村规民约，年底评选最美家庭', '先征求全村意见再定'],
    },
    [
      [HELONG.convener, 0],
      [tong, 0],
      [fu, 1],
    ],
  )
  const surveyId = String((await call('outreach', HELONG.townshipCadre, {
    action: 'openSurvey',
    orgId: HELONG.township,
    title: '家风家训征集调研',
    questions: [
      { text: '您家最看重的家风是？（可多选）', options: ['孝老爱亲', '勤俭持家', '邻里和睦', '重视教育'], multiple: true },
      { text: '您愿意参加“最美家庭”评选吗？', options: ['愿意', '不愿意', '再考虑考虑'] },
      { text: '请写下您家的一句家训', free: true },
    ],
    closesAt: inHours(14 * 24),
    audience: 'residents',
  })).surveyId)
  const [xiao, guan] = HELONG.residents
  await call('outreach', xiao, { action: 'answerSurvey', surveyId, answers: [[0, 1], [0], '百善孝为先'] })
  await call('outreach', guan, { action: 'answerSurvey', surveyId, answers: [[0, 2], [2], '邻里和睦，家和万事兴'] })

  // 4. 小晴.
  const xiaoqing = await submit(XIAONAN.reporter, 'demo-story-xiaoqing', {
    kind: 'appeal',
    category: 'personal',
    title: '女儿小晴做手术缺钱',
    content: '我女儿小晴今年九岁，查出先天性心脏病，医生说要尽快手术，费用要十几万。孩子爸爸常年生病，家里实在拿不出来，孩子也吓得不爱说话了。',
    villageId: XIAONAN.village,
    phone: '13700001111',
  })
  await escalation(XIAONAN.convener, xiaoqing, { action: 'accept' })
  const plan = [
    ['发起爱心募捐', { kind: 'member', openid: XIAONAN.convener }, '村妇联和爱心企业共筹得善款 8.6 万元，已交医院'],
    ['协助申请医疗救助', { kind: 'volunteer', name: '刘芳', phone: '13940004444' }, '大病救助已批，手术已顺利完成'],
    ['为孩子做术后心理疏导', { kind: 'volunteer', name: '孙琳（心理咨询师）' }, null],
  ] as const
  for (const [title, assignee] of plan) await escalation(XIAONAN.convener, xiaoqing, { action: 'planTask', title, assignee, dueAt: inHours(72) })
  for (const [i, [, , note]] of plan.entries()) {
    if (note) await escalation(XIAONAN.convener, xiaoqing, { action: 'completeTask', taskId: `t${i + 1}`, note })
  }
}
