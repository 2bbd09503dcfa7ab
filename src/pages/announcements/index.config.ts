export default definePageConfig({ enablePageMeta: true, navigationBarTitleText: '公告' })
