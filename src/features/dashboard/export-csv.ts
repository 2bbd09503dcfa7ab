/**
 * Saves a stats CSV where a cadre can use it. h5: a download. weapp: written to the mini-program's
 * user folder and offered to send into a chat (shareFileMessage), from where Excel or WPS opens it.
 */
import Taro from '@tarojs/taro'

export async function saveCsv(filename: string, csv: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = url
    link.download = filename
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return
  }
  const wx = Taro as unknown as {
    env: { USER_DATA_PATH: string }
    getFileSystemManager(): { writeFileSync(path: string, data: string, encoding: string): void }
    shareFileMessage(options: { filePath: string; fileName: string }): Promise<unknown>
  }
  const filePath = `${wx.env.USER_DATA_PATH}/${filename}`
  wx.getFileSystemManager().writeFileSync(filePath, csv, 'utf8')
  await wx.shareFileMessage({ filePath, fileName: filename })
}
