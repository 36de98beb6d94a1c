/**
 * 帮助：快捷键与各项工作的办理流程 (zh-CN). Documentation rather than labels: loaded with the help
 * drawer (app/layouts/help-drawer.tsx), not with the first screen's catalogue.
 */
export const helpZh = {
  title: '帮助',
  shortcutsTitle: '快捷键',
  shortcutsIntro: '在输入框之外按下（Ctrl+Enter 除外）。',
  keys: {
    search: '搜索本页列表',
    newLetter: '登记来信',
    submit: '提交当前对话框或表单',
    help: '打开本帮助',
    close: '关闭对话框或抽屉',
  },
  workflowsTitle: '办理流程',
  basis: '依据：{basis}',
  workflows: {
    letters: {
      title: '来信办理',
      steps:
        '办公室登记来信（市长信箱转办件另记平台编号）→ 转办到承办科室 → 科室在办理时限内答复（可申请延期，由办公室审批；转错的可退回）→ 办公室办结并回访，不满意的可重办。已超期的来信不能再延期，只能督办或逾期答复。',
      basis:
        '长治市12345政务服务热线“统一受理、按责转办、限时办结、统一督办、评价反馈”；时限在“系统设置 → 办理时限”中设定',
    },
    applications: {
      title: '依申请公开',
      steps:
        '登记申请（收到日期按第三十一条确定）→ 内容不明确的，7个工作日内一次性告知补正，收到补正之日起重新计算 → 20个工作日内答复，经负责人同意可延长不超过20个工作日并告知申请人；征求第三方意见的期间不计入 → 按第三十六条作出答复并送达。',
      basis: '《政府信息公开条例》（2019）第三十条至第三十六条；收费按国办函〔2020〕109号',
    },
    catalogue: {
      title: '主动公开目录',
      steps:
        '信息形成或变更之日起20个工作日内公开，目录项写明索引号、名称、内容概述和生成日期；超期公开的，保存前会提示。',
      basis: '《政府信息公开条例》第十二条、第二十六条',
    },
    assistance: {
      title: '社会救助数据',
      steps:
        '每月结束后录入低保、特困供养、医疗救助、临时救助数据，核对合计与上月变化后公开；公开进行中的月份会先提示。',
      basis: '民政统计口径（元/人·月、人次等单位按报表填写）',
    },
    report: {
      title: '年度报告',
      steps:
        '由全年业务数据汇编上一年度政府信息公开工作年度报告，核对后导出 Word，于每年1月31日前报送并公开。',
      basis: '《政府信息公开条例》第四十九条、第五十条',
    },
  },
};
