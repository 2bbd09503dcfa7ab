export default definePageConfig({ enablePageMeta: true, navigationBarTitleText: '邀请成员', enableShareAppMessage: true })
