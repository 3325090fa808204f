/** Customer portal: new request form (asset, attachments) and the quote on the request page. */
export const portalRequestZhCN = {
  'portalRequest.asset': '相关设备',
  'portalRequest.assetPlaceholder': '可选：选择出问题的设备',
  'portalRequest.files': '附件',
  'portalRequest.addFiles': '添加图片或文件',
  'portalRequest.uploading': '正在上传附件…',
  'portalRequest.uploadFailedTitle': '工单已提交，但以下附件未能上传，可在下方“附件”中重新上传：',
  'portalRequest.uploadFailed': '{name}：{reason}',
} as const;
