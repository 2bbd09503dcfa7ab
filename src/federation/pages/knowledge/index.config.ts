export default definePageConfig({ enablePageMeta: true, navigationBarTitleText: '标准答复' })
