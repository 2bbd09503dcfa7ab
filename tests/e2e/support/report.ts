/** Filling the report form as a person would: tap the choices, pick the village, type, send. */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { button, field } from './browser'

export async function fillReport(page: Page, options: { title: string; content: string; photo?: boolean }) {
  await page.getByText('反映问题', { exact: true }).click()
  await page.getByText('社会治理建议', { exact: true }).click()
  // Her own village comes chosen (the demo residents live in 蒲河村); she could still change it.
  await page.locator('.field-box').filter({ hasText: /^蒲河村$/ }).waitFor()
  await field(page, '一句话标题').fill(options.title)
  await field(page, '发生了什么').fill(options.content)
  if (options.photo) {
    const chooser = page.waitForEvent('filechooser')
    await page.getByText('添加照片').click()
    await (await chooser).setFiles(join(__dirname, '..', 'fixtures', 'streetlight.png'))
    await page.locator('.photo-remove').waitFor()
  }
}

export async function sendReport(page: Page) {
  await button(page, '下一步：核对').click()
  await page.getByText('请核对要提交的内容').waitFor()
  await button(page, '确认提交').click()
  await page.getByText('已提交').waitFor()
}
