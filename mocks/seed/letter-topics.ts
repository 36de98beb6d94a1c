import type { LetterCategory } from '@/features/letters/types';
import type { SectionId } from '@/types/api';

/** Typical subjects of citizens' letters to a civil affairs bureau, by the section that answers them. */
export interface Topic {
  subject: string;
  category: LetterCategory;
  sectionId: SectionId;
  content: string;
  reply: string;
}

export const TOPICS: Topic[] = [
  {
    subject: '城市低保申请需要哪些材料',
    category: 'consultation',
    sectionId: 'social_assistance',
    content: '家中老人失业多年，想了解申请城市最低生活保障要准备什么材料、到哪里办理。',
    reply:
      '请携带户口簿、身份证及家庭收入、财产情况说明到户籍所在地乡镇（街道）提出申请，经入户调查和公示后审批。',
  },
  {
    subject: '农村低保金发放时间咨询',
    category: 'consultation',
    sectionId: 'social_assistance',
    content: '本月低保金尚未到账，请问每月的发放日期是哪天？',
    reply:
      '农村低保金按月于每月中旬通过“一卡通”发放，遇节假日顺延；如仍未到账请联系所在乡镇民政办核查。',
  },
  {
    subject: '临时救助如何申请',
    category: 'help',
    sectionId: 'social_assistance',
    content: '家人突发重病，医疗费用负担很重，希望了解能否申请临时救助。',
    reply: '可向户籍地或居住地乡镇（街道）申请临时救助，急难情形可先行救助后补充材料。',
  },
  {
    subject: '反映低保评定不公',
    category: 'complaint',
    sectionId: 'social_assistance',
    content: '反映村里有家庭条件较好的人员享受低保，而困难家庭未被纳入，请求核查。',
    reply: '经县民政局会同乡镇入户核查，已对相关家庭重新评估并依规调整，核查结果已向反映人反馈。',
  },
  {
    subject: '特困供养人员护理补贴标准',
    category: 'consultation',
    sectionId: 'social_assistance',
    content: '想咨询分散供养特困人员的照料护理补贴标准是多少。',
    reply:
      '照料护理标准按生活自理能力分档确定，具体标准以市政府最新公布的文件为准，可在政府网站查询。',
  },
  {
    subject: '医疗救助报销比例咨询',
    category: 'consultation',
    sectionId: 'social_assistance',
    content: '低保对象住院后，医疗救助还能报销多少比例？',
    reply:
      '低保对象经基本医保、大病保险报销后的政策范围内自付费用，按规定比例给予救助，设有年度救助限额。',
  },
  {
    subject: '婚姻登记预约问题',
    category: 'consultation',
    sectionId: 'social_affairs',
    content: '想了解婚姻登记是否需要网上预约，节假日能否办理。',
    reply: '婚姻登记可通过网上预约，也可现场办理；法定节假日一般不办理，特殊纪念日另行公告。',
  },
  {
    subject: '殡葬服务收费过高',
    category: 'complaint',
    sectionId: 'social_affairs',
    content: '反映某殡仪服务机构收费项目不透明、价格偏高。',
    reply: '已责成相关机构公示收费项目和标准，对超标准收费部分予以退还，并加强日常监管。',
  },
  {
    subject: '建议增设婚姻家庭辅导服务',
    category: 'suggestion',
    sectionId: 'social_affairs',
    content: '建议在婚姻登记处增设婚姻家庭辅导室，为新人和有需要的家庭提供咨询。',
    reply: '感谢建议。我局已将婚姻家庭辅导服务纳入年度工作计划，将逐步在登记机关推开。',
  },
  {
    subject: '流浪人员救助求助',
    category: 'help',
    sectionId: 'social_affairs',
    content: '在火车站附近发现一名流浪老人，身体状况较差，希望有关部门救助。',
    reply: '救助管理站已派员将老人接回站内，妥善安置并协助寻亲。',
  },
  {
    subject: '社会组织年检流程咨询',
    category: 'consultation',
    sectionId: 'social_org',
    content: '我们是一家民办非企业单位，想了解年度检查的时间和网上申报流程。',
    reply: '年检通过社会组织网上办事系统申报，每年上半年完成，需提交年度工作报告和财务审计报告。',
  },
  {
    subject: '举报某协会违规收费',
    category: 'report',
    sectionId: 'social_org',
    content: '举报某行业协会强制会员单位缴纳培训费用。',
    reply: '经调查核实，已责令该协会停止违规收费并退还相关费用，依法作出处理。',
  },
  {
    subject: '社会团体成立登记条件',
    category: 'consultation',
    sectionId: 'social_org',
    content: '想成立一个市级文化类社会团体，需要满足哪些条件？',
    reply:
      '需有50个以上个人会员或30个以上单位会员、规范名称和相应组织机构、固定住所及合法资产等条件。',
  },
  {
    subject: '高龄津贴申领咨询',
    category: 'consultation',
    sectionId: 'elderly',
    content: '父亲今年满八十周岁，请问高龄津贴如何申领？',
    reply: '可持老人身份证、户口簿到社区（村）申报，经审核后按月发放高龄津贴。',
  },
  {
    subject: '养老院服务质量投诉',
    category: 'complaint',
    sectionId: 'elderly',
    content: '反映某民办养老院护理人员不足，老人得不到及时照料。',
    reply: '已组织对该养老机构开展检查，责令限期整改护理人员配备，并将持续跟踪。',
  },
  {
    subject: '建议增加社区日间照料中心',
    category: 'suggestion',
    sectionId: 'elderly',
    content: '小区老年人多，建议在社区建设日间照料中心。',
    reply: '您的建议已转所在区民政局，列入社区养老服务设施建设规划统筹考虑。',
  },
  {
    subject: '孤儿基本生活费发放标准',
    category: 'consultation',
    sectionId: 'child_welfare',
    content: '想了解社会散居孤儿的基本生活费标准及申请办法。',
    reply: '散居孤儿基本生活费按省定标准按月发放，由监护人向户籍地乡镇（街道）申请。',
  },
  {
    subject: '困境儿童救助求助',
    category: 'help',
    sectionId: 'child_welfare',
    content: '邻居家孩子父母均长期患病，生活困难，希望能得到帮扶。',
    reply: '已协调乡镇儿童督导员入户了解情况，按困境儿童保障政策落实帮扶措施。',
  },
  {
    subject: '收养登记办理咨询',
    category: 'consultation',
    sectionId: 'child_welfare',
    content: '想了解办理收养登记需要的条件和材料。',
    reply:
      '收养人应符合民法典规定条件，携带相关证明材料到收养登记机关办理，具体清单可在政务服务网查询。',
  },
  {
    subject: '民政专项资金使用情况询问',
    category: 'consultation',
    sectionId: 'finance',
    content: '想了解今年社会福利专项资金的分配和使用情况在哪里公开。',
    reply: '专项资金分配和使用情况已在市政府信息公开平台“财政资金”栏目公开，可按年度查询。',
  },
  {
    subject: '小区名称不规范问题',
    category: 'suggestion',
    sectionId: 'naming',
    content: '反映部分新建小区使用洋名、怪名，建议规范地名管理。',
    reply: '我局已会同相关部门开展不规范地名清理整治，对不规范名称督促整改。',
  },
  {
    subject: '门牌号码错误',
    category: 'help',
    sectionId: 'naming',
    content: '我家门牌号与实际位置不符，影响快递和户籍登记，请求更正。',
    reply: '已安排工作人员现场核实，重新编制门牌并予以更换。',
  },
  {
    subject: '行政区划调整后地址变更',
    category: 'consultation',
    sectionId: 'naming',
    content: '区划调整后原郊区的地址应该如何书写？',
    reply: '原郊区区域现属潞州区管辖，地址按新区划名称书写，原门牌号码不变。',
  },
  {
    subject: '政府信息公开栏目更新不及时',
    category: 'complaint',
    sectionId: 'office',
    content: '反映民政局网站部分栏目长期未更新。',
    reply: '已对网站栏目进行全面梳理，明确各科室信息报送责任和时限，做到及时更新。',
  },
];

export const CITIZEN_SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '郭',
  '申',
  '牛',
  '秦',
  '郝',
  '段',
];
export const CITIZEN_GIVEN = [
  '建华',
  '秀英',
  '国强',
  '丽娟',
  '志刚',
  '海燕',
  '文斌',
  '晓梅',
  '俊杰',
  '桂兰',
  '春生',
  '玉霞',
  '永平',
  '翠萍',
];
