/**
 * Up to 9 photos: chosen with Taro.chooseMedia, checked for size and type, uploaded at once with a
 * progress bar on each, removable before sending.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { PHOTOS_MAX } from '../../../types'
import { PHOTO_MAX_BYTES, uploadPhoto, type UploadedPhoto } from '../../shared/upload-photo'
import './photo-picker.css'

interface Uploading {
  key: string
  preview: string
  percent: number
}

const ALLOWED = /\.(jpe?g|png|webp|gif)$/i

export function PhotoPicker({ photos, onChange }: { photos: UploadedPhoto[]; onChange: (photos: UploadedPhoto[]) => void }) {
  const [uploading, setUploading] = useState<Uploading[]>([])
  const room = PHOTOS_MAX - photos.length - uploading.length

  const add = async () => {
    let chosen: Taro.chooseMedia.ChooseMedia[]
    try {
      chosen = (await Taro.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'] })).tempFiles
    } catch {
      return // she closed the chooser
    }
    let current = photos
    for (const file of chosen) {
      if (file.size > PHOTO_MAX_BYTES) {
        void Taro.showToast({ title: '有照片超过 5 MB，已跳过', icon: 'none' })
        continue
      }
      if (process.env.TARO_ENV === 'weapp' && !ALLOWED.test(file.tempFilePath)) {
        void Taro.showToast({ title: '只能上传图片', icon: 'none' })
        continue
      }
      const key = `${Date.now()}-${Math.random()}`
      setUploading((list) => [...list, { key, preview: file.tempFilePath, percent: 0 }])
      try {
        const uploaded = await uploadPhoto(file.tempFilePath, (percent) =>
          setUploading((list) => list.map((u) => (u.key === key ? { ...u, percent } : u))),
        )
        current = [...current, uploaded]
        onChange(current)
      } catch (error) {
        void Taro.showToast({ title: error instanceof Error ? error.message : '上传失败', icon: 'none' })
      } finally {
        setUploading((list) => list.filter((u) => u.key !== key))
      }
    }
  }

  return (
    <View className="photos">
      {photos.map((photo, i) => (
        <View key={photo.fileId} className="photo">
          <Image className="photo-img" src={photo.url} mode="aspectFill" aria-label={`第 ${i + 1} 张照片`} />
          <View className="photo-remove" aria-label={`删除第 ${i + 1} 张照片`} onClick={() => onChange(photos.filter((p) => p.fileId !== photo.fileId))}>
            ×
          </View>
        </View>
      ))}
      {uploading.map((u) => (
        <View key={u.key} className="photo">
          <Image className="photo-img photo-dim" src={u.preview} mode="aspectFill" />
          <View className="photo-progress">
            <View className="photo-progress-bar" style={{ width: `${u.percent}%` }} />
          </View>
          <Text className="photo-percent">上传中 {u.percent}%</Text>
        </View>
      ))}
      {room > 0 && (
        <View className="photo photo-add" onClick={add}>
          <Text className="photo-plus">＋</Text>
          <Text className="muted">添加照片</Text>
        </View>
      )}
    </View>
  )
}
