/** The 长辈模式 switch (首页 and 我的反映): larger text and buttons everywhere, kept on this phone. */
import { Text } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import { Card } from './card'
import { setElderMode, useTextSize } from './text-size'

export function ElderModeSwitch() {
  const { elder } = useTextSize()
  return (
    <Card
      className="elder-switch"
      title="长辈模式"
      aside={<Switch checked={elder} onChange={setElderMode} aria-label={elder ? '长辈模式已打开，点按关闭' : '长辈模式已关闭，点按打开'} />}
    >
      <Text className="muted">{elder ? '字和按钮已放大。点右边的开关可以恢复标准大小。' : '打开后，字和按钮都会放大，看得清、点得准。'}</Text>
    </Card>
  )
}
