/** What we collect, who sees it, how long we keep it — in plain words, for the woman who reports. */
import { Text, View } from '@tarojs/components'
import { CONTACT_RETENTION_DAYS } from '../../../types'
import { Card } from '../../shared/card'
import { Page } from '../../shared/page'

const SECTIONS: { title: string; lines: string[] }[] = [
  {
    title: '我们收集什么',
    lines: [
      '您反映的内容：类型、类别、所在村（社区）、标题、情况说明，以及您选择上传的照片。',
      '您留下的手机号（选填）。手机号加密保存，任何页面上都只显示部分号码。',
      '您的微信身份标识（不是微信号，也不是手机号），用来让您看到自己的反映和消息。',
    ],
  },
  {
    title: '谁能看到',
    lines: [
      '您选择的村（社区）议事会主任和各级妇联干部，在办理时能看到完整内容。',
      '人身权益、财产权益、婚姻家庭权益方面的反映，普通议事会成员只能看到“涉及个人隐私的反映”，看不到内容。',
      '选择匿名时，任何人都看不到是谁反映的；您也不需要留电话。',
      '办理记录只写“哪一级、哪个单位”做了什么，不写办理人的名字。',
    ],
  },
  {
    title: '保存多久',
    lines: [
      `反映关闭 ${CONTACT_RETENTION_DAYS} 天后，您的手机号和地址会被删除；反映内容和办理记录留作统计，不再与您的电话关联。`,
      '在办结之前，您可以随时撤回反映。',
    ],
  },
  {
    title: '微信通知',
    lines: ['只有您点了“允许”，我们才会通过微信通知您办理进展；每次允许只能发一条。所有进展也会显示在“消息”里。'],
  },
]

export default function PrivacyPage() {
  return (
    <Page>
      {SECTIONS.map((section) => (
        <Card key={section.title} title={section.title}>
          {section.lines.map((line) => (
            <Text key={line} className="privacy-line">
              {line}
            </Text>
          ))}
        </Card>
      ))}
    </Page>
  )
}
