export default definePageConfig({ enablePageMeta: true, navigationBarTitleText: '妇女议事会' })
