export default definePageConfig({ navigationBarTitleText: '加入议事会' })
