/** The first year the records start (the 2017 annual report the system is modelled on). */
export const FIRST_YEAR = 2017;

/** The years on record up to `thisYear`, newest first: the options of every year filter. */
export const yearsOnRecord = (thisYear: number): string[] =>
  Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
