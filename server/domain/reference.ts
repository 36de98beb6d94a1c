/** Reference data: sections (科室) and county-level regions (domain.md §5). */
import type { Region, SectionId } from '@/types/api';

/** The bureau's eight sections, seeded into every database (administrators add more). */
export const SECTIONS: { id: SectionId; name: string; nameEn: string }[] = [
  { id: 'office', name: '办公室', nameEn: 'General Office' },
  { id: 'social_assistance', name: '社会救助科', nameEn: 'Social Assistance Section' },
  { id: 'social_affairs', name: '社会事务科', nameEn: 'Social Affairs Section' },
  { id: 'social_org', name: '社会组织管理科', nameEn: 'Social Organisations Section' },
  { id: 'elderly', name: '养老服务科', nameEn: 'Elderly Services Section' },
  { id: 'child_welfare', name: '儿童福利科', nameEn: 'Child Welfare Section' },
  { id: 'finance', name: '规划财务科', nameEn: 'Planning and Finance Section' },
  { id: 'naming', name: '区划地名科', nameEn: 'Divisions and Place Names Section' },
];

/** The new districts took office on 2018-11-23 (domain.md §5). */
export const REORGANISATION_DATE = '2018-11-23';

export const REGIONS: Region[] = [
  {
    code: '140402',
    name: '城区',
    nameEn: 'Chengqu',
    validFrom: null,
    validTo: REORGANISATION_DATE,
  },
  { code: '140411', name: '郊区', nameEn: 'Jiaoqu', validFrom: null, validTo: REORGANISATION_DATE },
  {
    code: '140421',
    name: '长治县',
    nameEn: 'Changzhi County',
    validFrom: null,
    validTo: REORGANISATION_DATE,
  },
  {
    code: '140424',
    name: '屯留县',
    nameEn: 'Tunliu County',
    validFrom: null,
    validTo: REORGANISATION_DATE,
  },
  {
    code: '140481',
    name: '潞城市',
    nameEn: 'Lucheng City',
    validFrom: null,
    validTo: REORGANISATION_DATE,
  },
  {
    code: '140403',
    name: '潞州区',
    nameEn: 'Luzhou District',
    validFrom: REORGANISATION_DATE,
    validTo: null,
  },
  {
    code: '140404',
    name: '上党区',
    nameEn: 'Shangdang District',
    validFrom: REORGANISATION_DATE,
    validTo: null,
  },
  {
    code: '140405',
    name: '屯留区',
    nameEn: 'Tunliu District',
    validFrom: REORGANISATION_DATE,
    validTo: null,
  },
  {
    code: '140406',
    name: '潞城区',
    nameEn: 'Lucheng District',
    validFrom: REORGANISATION_DATE,
    validTo: null,
  },
  { code: '140423', name: '襄垣县', nameEn: 'Xiangyuan County', validFrom: null, validTo: null },
  { code: '140425', name: '平顺县', nameEn: 'Pingshun County', validFrom: null, validTo: null },
  { code: '140426', name: '黎城县', nameEn: 'Licheng County', validFrom: null, validTo: null },
  { code: '140427', name: '壶关县', nameEn: 'Huguan County', validFrom: null, validTo: null },
  { code: '140428', name: '长子县', nameEn: 'Zhangzi County', validFrom: null, validTo: null },
  { code: '140429', name: '武乡县', nameEn: 'Wuxiang County', validFrom: null, validTo: null },
  { code: '140430', name: '沁县', nameEn: 'Qin County', validFrom: null, validTo: null },
  { code: '140431', name: '沁源县', nameEn: 'Qinyuan County', validFrom: null, validTo: null },
];

export function regionsOn(date: string): Region[] {
  return REGIONS.filter(
    (r) =>
      (r.validFrom === null || r.validFrom <= date) && (r.validTo === null || date < r.validTo),
  ).sort((a, b) => a.code.localeCompare(b.code));
}
