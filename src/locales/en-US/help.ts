/** Help: keyboard shortcuts and how each piece of work runs (en-US); see ../zh-CN/help.ts. */
import type { helpZh } from '../zh-CN/help';

export const helpEn: typeof helpZh = {
  title: 'Help',
  shortcutsTitle: 'Keyboard shortcuts',
  shortcutsIntro: 'Pressed outside a text field (except Ctrl+Enter).',
  keys: {
    search: "Search this page's list",
    newLetter: 'Register a letter',
    submit: 'Submit the open dialog or form',
    help: 'Open this help',
    close: 'Close a dialog or drawer',
  },
  workflowsTitle: 'How the work runs',
  basis: 'Basis: {basis}',
  workflows: {
    letters: {
      title: 'Letters',
      steps:
        "The office registers the letter (a mayor's-mailbox letter with the platform's reference) → transfers it to a section → the section replies within the time limit (it may apply for an extension, which the office approves; a misrouted letter can be handed back) → the office closes it after a follow-up call; an unsatisfied citizen's letter can be reopened. An overdue letter cannot be extended: only supervision or a late reply remain.",
      basis:
        'Changzhi 12345 hotline rules: unified intake, transfer by responsibility, completion within a time limit, unified supervision, feedback; the limits are set under Settings → Time limits',
    },
    applications: {
      title: 'Information requests',
      steps:
        "Register the application (its receipt date per Art. 31) → if unclear, ask once for a correction within 7 working days; the clock restarts on the corrected request → answer within 20 working days, extendable by at most 20 with the head of the office's approval and the applicant told; time spent consulting a third party does not count → decide under Art. 36 and deliver the answer.",
      basis:
        'Regulations on Open Government Information (2019), Arts. 30–36; fees under State Council Office letter [2020] No. 109',
    },
    catalogue: {
      title: 'Disclosure catalogue',
      steps:
        'Publish within 20 working days of the information being made or changed; each entry records its index number, title, summary and date of making. Saving an entry that is already late asks first.',
      basis: 'Regulations on Open Government Information, Arts. 12 and 26',
    },
    assistance: {
      title: 'Social assistance figures',
      steps:
        'After each month ends, enter the minimum-living-standard, extreme-poverty, medical and temporary assistance figures, check the totals and the change against last month, then publish; publishing a month still in progress asks first.',
      basis:
        'Civil-affairs statistical definitions (units such as yuan per person per month, person-times as the forms state)',
    },
    report: {
      title: 'Annual report',
      steps:
        "Compile the previous year's open-government-information report from the year's records, check it, export it to Word, and submit and publish it by 31 January.",
      basis: 'Regulations on Open Government Information, Arts. 49 and 50',
    },
  },
};
