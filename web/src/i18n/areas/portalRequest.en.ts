import type { portalRequestZhCN } from './portalRequest.zh-CN';

export const portalRequestEn: Record<keyof typeof portalRequestZhCN, string> = {
  'portalRequest.asset': 'Device',
  'portalRequest.assetPlaceholder': 'Optional: the device with the problem',
  'portalRequest.files': 'Attachments',
  'portalRequest.addFiles': 'Add pictures or files',
  'portalRequest.uploading': 'Uploading attachments…',
  'portalRequest.uploadFailedTitle': 'Your request was submitted, but these files were not uploaded; you can upload them again under "Attachments" below:',
  'portalRequest.uploadFailed': '{name}: {reason}',
};
