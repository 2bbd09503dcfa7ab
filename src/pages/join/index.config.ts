export default definePageConfig({ enablePageMeta: true, navigationBarTitleText: '加入议事会' })
