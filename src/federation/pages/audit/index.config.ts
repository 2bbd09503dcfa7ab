export default definePageConfig({ enablePageMeta: true, navigationBarTitleText: '操作记录' })
