export default definePageConfig({ enablePageMeta: true, navigationBarTitleText: '议事', enablePullDownRefresh: true, enableShareAppMessage: true })
