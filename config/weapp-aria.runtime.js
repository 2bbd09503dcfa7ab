// The runtime half of config/weapp-templates.ts: Taro passes these props on to the templates that now hold them.
import { mergeInternalComponents } from '@tarojs/shared'
import components from './weapp-aria.json'

mergeInternalComponents(components)
