export default definePageConfig({ enablePageMeta: true, navigationBarTitleText: '调研' })
