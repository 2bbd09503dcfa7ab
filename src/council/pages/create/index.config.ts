export default definePageConfig({ enablePageMeta: true, navigationBarTitleText: '发起议事' })
