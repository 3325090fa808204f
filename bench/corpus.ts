/**
 * Realistic mixed Chinese/English text for seeded customers and work orders: the
 * search index and the list queries should see the token variety of a real
 * service desk, not "customer 1 … customer N". A seeded random source keeps runs
 * comparable.
 */

/** Small deterministic PRNG (mulberry32), so the same size seeds the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export const REGIONS = [
  ['浙江省', '杭州市', ['西湖区', '上城区', '滨江区', '余杭区']],
  ['浙江省', '宁波市', ['鄞州区', '海曙区', '北仑区']],
  ['江苏省', '南京市', ['玄武区', '鼓楼区', '江宁区']],
  ['江苏省', '苏州市', ['姑苏区', '吴中区', '工业园区']],
  ['上海市', '上海市', ['浦东新区', '徐汇区', '闵行区', '静安区']],
  ['北京市', '北京市', ['海淀区', '朝阳区', '丰台区']],
  ['广东省', '深圳市', ['南山区', '福田区', '宝安区']],
  ['广东省', '广州市', ['天河区', '越秀区', '番禺区']],
  ['四川省', '成都市', ['武侯区', '锦江区', '高新区']],
  ['湖北省', '武汉市', ['洪山区', '江汉区', '武昌区']],
  ['山东省', '济南市', ['历下区', '槐荫区']],
  ['福建省', '厦门市', ['思明区', '湖里区']],
] as const;

const TRADE_NAMES = [
  '西湖', '钱塘', '华信', '恒通', '天成', '金桥', '宏远', '新锐', '东方', '瑞丰', '长城', '海纳', '博雅', '中联',
  '汇丰', '永泰', '鼎盛', '星辰', '蓝海', '明德', '万科', '同创', '嘉禾', '润泽', '启航', '立信', '众合', '信达',
  '安捷', '国泰', '卓越', '华强', '南湖', '紫金', '云帆', '百川', '凯旋', '盛世', '锦程', '远景',
];
const INDUSTRIES = [
  '电子', '科技', '信息技术', '物流', '医疗器械', '建设工程', '电气', '自动化', '软件', '通信', '机械', '环保',
  '精密仪器', '食品', '纺织', '新能源', '智能制造', '酒店管理', '教育科技', '数据服务',
];
const SUFFIXES = ['有限公司', '股份有限公司', '有限责任公司', '集团有限公司'];
const EN_CITIES = ['Hangzhou', 'Shanghai', 'Suzhou', 'Shenzhen', 'Beijing', 'Ningbo', 'Chengdu'];
const EN_NAMES = ['Hengtong', 'Bluesea', 'Goldbridge', 'Starline', 'Everbright', 'Unison', 'Pinnacle', 'Redwood'];
const EN_TRADES = ['Logistics', 'Electronics', 'Medical Devices', 'Software', 'Hotels', 'Precision Tools', 'Energy'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '林'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '军', '强', '丽', '涛', '明', '超', '霞', '平'];
const EN_PEOPLE = ['David Chen', 'Lisa Wang', 'Michael Zhang', 'Amy Liu', 'Kevin Zhou', 'Grace Lin', 'Tom Xu'];
const POSITIONS = ['IT主管', '行政经理', '采购专员', '设备管理员', '总经理助理', 'Facility Manager', 'IT Director'];
const STREETS = ['文三路', '学院路', '解放路', '中山北路', '人民大道', '科技园路', '滨江大道', '南京西路'];

export const MODELS = [
  'HP LaserJet M404dn', 'Canon iR-ADV C3530', 'Epson L3258', 'Dell PowerEdge R740', 'APC Smart-UPS SRT3000',
  '华为 S5735-L24T4S', 'H3C MSR3600', '海康威视 DS-2CD3T46', 'Lenovo ThinkCentre M720q', 'Cisco C9200-24P',
  'Synology DS920+', 'Fortinet FG-100F', '大华 DH-NVR4416', 'Brother MFC-L8900CDW', 'Hikvision DS-7616NI',
];

interface Issue {
  type: string;
  subjects: string[];
  details: string[];
}

export const ISSUES: Issue[] = [
  {
    type: 'repair',
    subjects: [
      '打印机卡纸，无法打印', '{model} 开机无反应', 'Server room UPS alarm', '{model} 报错 E{code}', '监控画面黑屏',
      '交换机端口指示灯不亮', 'Network switch port flapping', '复印机出纸有黑线', 'NAS disk failure warning',
      '门禁读卡器失灵', '空调机房温度过高告警',
    ],
    details: [
      '客户反映设备 {model} 从今天上午开始出现故障，已尝试重启无效，请尽快安排工程师上门。',
      'Customer reports the {model} shows error code E{code} after a power cut; serial {serial}.',
      '设备序列号 {serial}，仍在保修期内，客户要求明天下午前到场处理。',
      'Device is under contract; please bring a spare power supply and check the fan module.',
      '二楼财务室的设备，联系人在前台等候，电话请提前联系。',
    ],
  },
  {
    type: 'consultation',
    subjects: [
      '咨询 {model} 驱动安装方法', '如何续签维保合同', 'Question about invoice for last quarter', '咨询延保价格',
      'How to reset the admin password on {model}', '询问耗材订购流程', '咨询上门服务时间安排',
    ],
    details: [
      '客户想了解 {model} 在 Windows 11 下的驱动安装步骤，已发送说明文档。',
      'Caller asked for the renewal price of the extended warranty and the payment terms.',
      '客户询问合同到期后的续约流程以及服务等级的区别。',
    ],
  },
  {
    type: 'complaint',
    subjects: [
      '投诉工程师未按约定时间上门', '维修后故障再次出现', 'Complaint: response time too slow', '对服务态度不满意',
      '配件更换后费用有异议', '多次报修未解决',
    ],
    details: [
      '客户表示上周报修的 {model} 维修后三天内再次出现同样问题，要求退换。',
      'Customer says the engineer arrived two hours late without calling; asks for a written explanation.',
      '客户对收费项目有异议，认为应在保修范围内免费处理。',
    ],
  },
  {
    type: 'maintenance',
    subjects: ['季度例行巡检', 'Quarterly preventive maintenance', '机房设备年度保养', 'UPS 电池更换计划'],
    details: [
      '按合同约定进行季度巡检：检查 {model} 运行状态、清洁滤网、更新固件。',
      'Scheduled maintenance visit; replace batteries on {model} and record readings.',
    ],
  },
  {
    type: 'return',
    subjects: ['{model} 到货破损申请换货', 'Return request: wrong model delivered', '退货申请：型号不符'],
    details: ['客户收货时发现外包装破损，设备 {model} 外壳有裂痕，申请换新。', 'Ordered {model} but received a different model.'],
  },
];

function fill(random: Random, template: string): string {
  return template
    .replace('{model}', pick(random, MODELS))
    .replace('{code}', String(int(random, 100, 999)))
    .replace('{serial}', `SN${int(random, 10_000_000, 99_999_999)}`);
}

export function workOrderText(random: Random): { type: string; subject: string; description: string } {
  const issue = random() < 0.55 ? ISSUES[0]! : pick(random, ISSUES);
  return {
    type: issue.type,
    subject: fill(random, pick(random, issue.subjects)),
    description: `${fill(random, pick(random, issue.details))}\n${fill(random, pick(random, issue.details))}`,
  };
}

/** A customer name; unique names are the caller's job (it adds a branch suffix on repeats). */
export function customerName(random: Random, city: string): string {
  if (random() < 0.15) {
    return `${pick(random, EN_CITIES)} ${pick(random, EN_NAMES)} ${pick(random, EN_TRADES)} Co., Ltd.`;
  }
  return `${city.replace(/市$/, '')}${pick(random, TRADE_NAMES)}${pick(random, INDUSTRIES)}${pick(random, SUFFIXES)}`;
}

export function personName(random: Random): string {
  if (random() < 0.1) return pick(random, EN_PEOPLE);
  return pick(random, SURNAMES) + pick(random, GIVEN) + (random() < 0.6 ? pick(random, GIVEN) : '');
}

export function mobile(random: Random): string {
  return `1${pick(random, ['3', '5', '7', '8', '9'])}${String(int(random, 0, 999_999_999)).padStart(9, '0')}`;
}

export function landline(random: Random): string {
  return `0571-${int(random, 8000_0000, 8999_9999)}`;
}

export function address(random: Random, county: string): string {
  return `${county}${pick(random, STREETS)}${int(random, 1, 999)}号${random() < 0.5 ? `${int(random, 2, 20)}楼` : ''}`;
}

export function position(random: Random): string {
  return pick(random, POSITIONS);
}
