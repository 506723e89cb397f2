/**
 * 部门预算支出经济分类科目 (economic classification of department budget expenditure), as data.
 *
 * Where this comes from: 财政部《支出经济分类科目改革方案》(财预〔2017〕98号), in force since the 2018 budget, which
 * split the economic classification into 部门预算支出经济分类 (used here) and 政府预算支出经济分类 (501…599, not
 * used in 部门决算 tables). Transcribed from memory and checked against the 2024 上海 部门决算 template
 * (shared/reference), whose 一般公共预算财政拨款基本支出决算表 lists every 301, 302, 303 and 310 code below.
 * The 部门经济分类 has been stable since 2018: `from: 2018` for all entries. Codes outside the template (307,
 * 309, 311, 312, 313, 399 items) carry a "待核实" note where the wording is less certain. 30311 代缴社会保险费
 * was added after 2018 (year not known here; recorded from 2020).
 * Checked (2026) against the economic codes printed with their names in real 上海 documents of 2023–2025
 * (test/fixtures/catalogue-observed): every pair printed there is known here unchanged; entries confirmed by them
 * cite the document as `[obs <doc_id>]`. Still unconfirmed: the entries with a "待核实" note.
 */
import { RawEntry } from '../types';

export const ECONOMIC_ENTRIES: RawEntry[] = [
  // 301 工资福利支出
  { code: '301', name: '工资福利支出', from: 2018 },
  { code: '30101', name: '基本工资', from: 2018 },
  { code: '30102', name: '津贴补贴', from: 2018 },
  { code: '30103', name: '奖金', from: 2018 },
  { code: '30106', name: '伙食补助费', from: 2018 },
  { code: '30107', name: '绩效工资', from: 2018 },
  { code: '30108', name: '机关事业单位基本养老保险缴费', from: 2018 },
  { code: '30109', name: '职业年金缴费', from: 2018 },
  { code: '30110', name: '职工基本医疗保险缴费', from: 2018 },
  { code: '30111', name: '公务员医疗补助缴费', from: 2018 },
  { code: '30112', name: '其他社会保障缴费', from: 2018 },
  { code: '30113', name: '住房公积金', from: 2018 },
  { code: '30114', name: '医疗费', from: 2018 },
  { code: '30199', name: '其他工资福利支出', from: 2018 },

  // 302 商品和服务支出
  { code: '302', name: '商品和服务支出', from: 2018 },
  { code: '30201', name: '办公费', from: 2018 },
  { code: '30202', name: '印刷费', from: 2018 },
  { code: '30203', name: '咨询费', from: 2018 },
  { code: '30204', name: '手续费', from: 2018 },
  { code: '30205', name: '水费', from: 2018 },
  { code: '30206', name: '电费', from: 2018 },
  { code: '30207', name: '邮电费', from: 2018 },
  { code: '30208', name: '取暖费', from: 2018 },
  { code: '30209', name: '物业管理费', from: 2018 },
  { code: '30211', name: '差旅费', from: 2018 },
  { code: '30212', name: '因公出国（境）费用', from: 2018 },
  { code: '30213', name: '维修（护）费', from: 2018 },
  { code: '30214', name: '租赁费', from: 2018 },
  { code: '30215', name: '会议费', from: 2018 },
  { code: '30216', name: '培训费', from: 2018 },
  { code: '30217', name: '公务接待费', from: 2018 },
  { code: '30218', name: '专用材料费', from: 2018 },
  { code: '30224', name: '被装购置费', from: 2018 },
  { code: '30225', name: '专用燃料费', from: 2018 },
  { code: '30226', name: '劳务费', from: 2018 },
  { code: '30227', name: '委托业务费', from: 2018 },
  { code: '30228', name: '工会经费', from: 2018 },
  { code: '30229', name: '福利费', from: 2018 },
  { code: '30231', name: '公务用车运行维护费', from: 2018 },
  { code: '30239', name: '其他交通费用', from: 2018 },
  { code: '30240', name: '税金及附加费用', from: 2018 },
  { code: '30299', name: '其他商品和服务支出', from: 2018 },

  // 303 对个人和家庭的补助
  { code: '303', name: '对个人和家庭的补助', from: 2018 },
  { code: '30301', name: '离休费', from: 2018 },
  { code: '30302', name: '退休费', from: 2018 },
  { code: '30303', name: '退职（役）费', from: 2018 },
  { code: '30304', name: '抚恤金', from: 2018 },
  { code: '30305', name: '生活补助', from: 2018 },
  { code: '30306', name: '救济费', from: 2018 },
  { code: '30307', name: '医疗费补助', from: 2018 },
  { code: '30308', name: '助学金', from: 2018 },
  { code: '30309', name: '奖励金', from: 2018 },
  { code: '30310', name: '个人农业生产补贴', from: 2018 },
  { code: '30311', name: '代缴社会保险费', from: 2020, note: '2024年公开文件中已见；设立年份未核实（2018年方案之后增设，记为2020年起）' }, // [obs js-2024-1, js-2024-4]
  { code: '30399', name: '其他对个人和家庭的补助', from: 2018 },

  // 307 债务利息及费用支出
  { code: '307', name: '债务利息及费用支出', from: 2018 },
  { code: '30701', name: '国内债务付息', from: 2018 },
  { code: '30702', name: '国外债务付息', from: 2018 },
  { code: '30703', name: '国内债务发行费用', from: 2018 },
  { code: '30704', name: '国外债务发行费用', from: 2018 },

  // 309 资本性支出（基本建设）
  { code: '309', name: '资本性支出（基本建设）', from: 2018 },
  { code: '30901', name: '房屋建筑物购建', from: 2018 },
  { code: '30902', name: '办公设备购置', from: 2018 },
  { code: '30903', name: '专用设备购置', from: 2018 },
  { code: '30905', name: '基础设施建设', from: 2018 },
  { code: '30906', name: '大型修缮', from: 2018 },
  { code: '30907', name: '信息网络及软件购置更新', from: 2018 },
  { code: '30908', name: '物资储备', from: 2018 },
  { code: '30913', name: '公务用车购置', from: 2018 },
  { code: '30919', name: '其他交通工具购置', from: 2018 },
  { code: '30921', name: '文物和陈列品购置', from: 2018 },
  { code: '30922', name: '无形资产购置', from: 2018 },
  { code: '30999', name: '其他基本建设支出', from: 2018 },

  // 310 资本性支出
  { code: '310', name: '资本性支出', from: 2018 },
  { code: '31001', name: '房屋建筑物购建', from: 2018 },
  { code: '31002', name: '办公设备购置', from: 2018 },
  { code: '31003', name: '专用设备购置', from: 2018 },
  { code: '31005', name: '基础设施建设', from: 2018 },
  { code: '31006', name: '大型修缮', from: 2018 },
  { code: '31007', name: '信息网络及软件购置更新', from: 2018 },
  { code: '31008', name: '物资储备', from: 2018 },
  { code: '31009', name: '土地补偿', from: 2018 },
  { code: '31010', name: '安置补助', from: 2018 },
  { code: '31011', name: '地上附着物和青苗补偿', from: 2018 },
  { code: '31012', name: '拆迁补偿', from: 2018 },
  { code: '31013', name: '公务用车购置', from: 2018 },
  { code: '31019', name: '其他交通工具购置', from: 2018 },
  { code: '31021', name: '文物和陈列品购置', from: 2018 },
  { code: '31022', name: '无形资产购置', from: 2018 },
  { code: '31099', name: '其他资本性支出', from: 2018 },

  // 311 对企业补助（基本建设）
  { code: '311', name: '对企业补助（基本建设）', from: 2018 },
  { code: '31101', name: '资本金注入', from: 2018 },
  { code: '31199', name: '其他对企业补助', from: 2018 },

  // 312 对企业补助
  { code: '312', name: '对企业补助', from: 2018 },
  { code: '31201', name: '资本金注入', from: 2018 },
  { code: '31203', name: '政府投资基金股权投资', from: 2018 },
  { code: '31204', name: '费用补贴', from: 2018 },
  { code: '31205', name: '利息补贴', from: 2018 },
  { code: '31299', name: '其他对企业补助', from: 2018 },

  // 313 对社会保障基金补助
  { code: '313', name: '对社会保障基金补助', from: 2018 },
  { code: '31302', name: '对社会保险基金补助', from: 2018, note: '待核实：项级编码凭记忆转录' },
  { code: '31303', name: '补充全国社会保障基金', from: 2018, note: '待核实：项级编码凭记忆转录' },
  { code: '31304', name: '对机关事业单位职业年金的补助', from: 2018, note: '待核实：项级编码与设立年份凭记忆转录' },

  // 399 其他支出
  { code: '399', name: '其他支出', from: 2018 },
  { code: '39906', name: '赠与', from: 2018 },
  { code: '39907', name: '国家赔偿费用支出', from: 2018 },
  { code: '39908', name: '对民间非营利组织和群众性自治组织补贴', from: 2018 },
  { code: '39909', name: '经常性赠与', from: 2018, note: '待核实：设立年份' },
  { code: '39910', name: '资本性赠与', from: 2018, note: '待核实：设立年份' },
  { code: '39999', name: '其他支出', from: 2018 },
];
