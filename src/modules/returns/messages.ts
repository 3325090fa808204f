import { registerMessages } from '../../lib/i18n.ts';

registerMessages({
  RMA_NOT_FOUND: { 'zh-CN': '该工单没有退换修单', en: 'This work order has no return form' },
  RMA_EXISTS: { 'zh-CN': '该工单已有退换修单', en: 'This work order already has a return form' },
  RMA_STEP_OUT_OF_ORDER: {
    'zh-CN': '退换修单当前为“{status}”，不能进行“{step}”',
    en: 'The return form is "{status}"; the step "{step}" is not possible now',
  },
  RMA_ITEMS_LOCKED: {
    'zh-CN': '仓库已收货（退换修单当前为“{status}”），物品不能再修改',
    en: 'The goods have been received (the form is "{status}"); its items can no longer change',
  },
  RMA_ITEM_NOT_FOUND: { 'zh-CN': '退换修单中没有这一项', en: 'This item is not on the return form' },
  RMA_LAST_ITEM: { 'zh-CN': '退换修单至少要有一项物品', en: 'A return form needs at least one item' },
  RMA_TOO_MANY_ITEMS: { 'zh-CN': '退换修单最多 {max} 项物品', en: 'A return form holds at most {max} items' },
  RMA_ITEMS_MISMATCH: { 'zh-CN': '请为退换修单的每一项填写且只填写一次', en: 'Give each item of the form exactly once' },
  RMA_ASSET_INVALID: { 'zh-CN': '设备不属于该工单的客户', en: 'The asset does not belong to the customer of this order' },
  RMA_OVERRIDE_REASON_REQUIRED: { 'zh-CN': '变更保修判定须填写原因', en: 'Overriding the warranty status needs a reason' },
  RMA_CHARGE_REQUIRED: { 'zh-CN': '保外处理须填写收费金额', en: 'Out of warranty: give the amount to charge' },
  RMA_FREE_IN_WARRANTY: { 'zh-CN': '保内处理不收费', en: 'In warranty the handling is free of charge' },
  RMA_REASON_REQUIRED: { 'zh-CN': '拒绝退换修须填写原因', en: 'A rejection needs a reason' },
});
