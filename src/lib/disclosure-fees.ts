/**
 * 信息处理费 under 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号), domain.md §1:
 * progressive (超额累进), per applicant per calendar month, one method per application.
 */
export type FeeMethod = 'per_item' | 'per_page';

export interface FeeBand {
  from: number; // inclusive
  to: number | null; // inclusive; null = open-ended
  rate: number; // 元 per item/page
}

/** 按件: ≤10 free; 11–30 at 100; then each band of 10 adds 100 (31–40: 200, 41–50: 300, …). */
export function itemBands(upTo: number): FeeBand[] {
  const bands: FeeBand[] = [
    { from: 1, to: 10, rate: 0 },
    { from: 11, to: 30, rate: 100 },
  ];
  for (let from = 31, rate = 200; from <= Math.max(upTo, 40); from += 10, rate += 100)
    bands.push({ from, to: from + 9, rate });
  return bands;
}

/** 按量: ≤30 pages free; 31–100 at 10; 101–200 at 20; 201 and up at 40. */
export const PAGE_BANDS: FeeBand[] = [
  { from: 1, to: 30, rate: 0 },
  { from: 31, to: 100, rate: 10 },
  { from: 101, to: 200, rate: 20 },
  { from: 201, to: null, rate: 40 },
];

export const bandsFor = (method: FeeMethod, upTo: number) =>
  method === 'per_item' ? itemBands(upTo) : PAGE_BANDS;

/** The progressive total for `count` units in one month. */
export function cumulativeFee(method: FeeMethod, count: number): number {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer: ${count}`);
  let total = 0;
  for (const b of bandsFor(method, count)) {
    if (count < b.from) break;
    const top = b.to === null ? count : Math.min(count, b.to);
    total += (top - b.from + 1) * b.rate;
  }
  return total;
}

export interface FeeLine {
  band: FeeBand;
  units: number;
  amount: number;
}

/**
 * The fee for `count` more units when the applicant already had `priorThisMonth` units charged by
 * the same method this calendar month: the difference of the cumulative fees, band by band.
 */
export function feeFor(
  method: FeeMethod,
  count: number,
  priorThisMonth = 0,
): { amount: number; lines: FeeLine[] } {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer: ${count}`);
  if (!Number.isInteger(priorThisMonth) || priorThisMonth < 0)
    throw new RangeError('priorThisMonth must be a non-negative integer');
  const end = priorThisMonth + count;
  const lines: FeeLine[] = [];
  for (const b of bandsFor(method, end)) {
    const lo = Math.max(b.from, priorThisMonth + 1);
    const hi = b.to === null ? end : Math.min(b.to, end);
    if (hi >= lo) lines.push({ band: b, units: hi - lo + 1, amount: (hi - lo + 1) * b.rate });
  }
  const amount = cumulativeFee(method, end) - cumulativeFee(method, priorThisMonth);
  return { amount, lines };
}

/** What identifies an applicant for the monthly count: name and contact (办法 第四条; domain.md §1). */
export interface FeeApplicant {
  id: string;
  serialNo: string;
  applicantName: string;
  contact: string;
  receivedOn: string;
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
/** Name and contact, ignoring spacing, width and case (“张 三” = “张三”, “138-0000-0000” = “13800000000”). */
export const applicantKey = (a: Pick<FeeApplicant, 'applicantName' | 'contact'>) =>
  `${norm(a.applicantName)}\u0000${norm(a.contact).replace(/-/g, '')}`;

/**
 * The prior count for a fee on `app` (办法 第三条–第四条): 按件, the applications the same applicant
 * made earlier in the calendar month of `app`'s receipt (by receipt date, then serial number);
 * 按量, 0 — pages are priced per application and only 第四条 accumulates.
 */
export function priorCount(
  method: FeeMethod,
  app: FeeApplicant,
  all: Iterable<FeeApplicant>,
): number {
  if (method === 'per_page') return 0;
  const key = applicantKey(app);
  const month = app.receivedOn.slice(0, 7);
  let n = 0;
  for (const o of all) {
    if (o.id === app.id || !o.receivedOn.startsWith(month) || applicantKey(o) !== key) continue;
    if (
      o.receivedOn < app.receivedOn ||
      (o.receivedOn === app.receivedOn && o.serialNo < app.serialNo)
    )
      n += 1;
  }
  return n;
}

/** The fee a notice on `app` records for `count` units: the form's preview and the server's amount. */
export function quoteFee(
  method: FeeMethod,
  count: number,
  app: FeeApplicant,
  all: Iterable<FeeApplicant>,
) {
  const prior = priorCount(method, app, all);
  const { amount, lines } = feeFor(method, count, prior);
  return {
    method,
    count,
    prior,
    amount,
    lines: lines.map((l) => ({ ...l.band, units: l.units, amount: l.amount })),
  };
}
