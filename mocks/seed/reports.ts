import type { Db } from '../db';
import { narrativeKey } from '../../server/domain/reports';

/**
 * The narrative sections of the 2017 report, summarised in our own words (the figures come from the
 * records; the sentences are not the report's).
 */
export function seedReports(db: Db) {
  db.settings.put({
    id: narrativeKey(2017),
    value: {
      overview:
        '本年度成立了由局长牵头、各科室负责人参加的政务公开领导小组，办公室负责日常工作；制定了政务公开、限时办结、一次性告知等制度，依法明确依申请公开的受理和答复程序。',
      problems:
        '存在的不足：部分信息公开不够及时，政策解读和宣传有待深化，与媒体的合作和新媒体运用仍较薄弱。改进措施：推进重点领域信息公开和政策解读，完善公开平台和依申请公开机制，健全决策公开和舆情回应机制。',
      other: '全年办理群众来信，均已按时办结；未向申请人收取信息处理费。',
    },
  });
}
