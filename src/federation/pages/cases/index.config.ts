export default definePageConfig({ enablePageMeta: true, navigationBarTitleText: '反映明细', enablePullDownRefresh: true })
