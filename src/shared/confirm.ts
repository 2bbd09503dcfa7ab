/** Asks before something that cannot be undone, in the brand's colour and her words; true if she agreed. */
import Taro from '@tarojs/taro'

/** The brand's colour (app.css --brand), for what native dialogs draw. */
export const BRAND = '#c2185b'

export async function confirmFirst(options: { title: string; content: string; confirmText: string; cancelText?: string }): Promise<boolean> {
  const { confirm } = await Taro.showModal({ ...options, cancelText: options.cancelText ?? '取消', confirmColor: BRAND, cancelColor: '#555555' })
  return confirm
}
