// Numbers and dates as people read them, in the browser's locale.

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** 12,345 */
export function count(value: number): string {
  return integer.format(value);
}

/** A duration in ms, or a dash when unknown. */
export function ms(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${integer.format(value)} ms`;
}

/** An ISO timestamp as a date and time, or "never". */
export function when(iso: string | null | undefined, never = 'never'): string {
  return iso ? dateTime.format(new Date(iso)) : never;
}

/** An ISO timestamp as a date. */
export function day(iso: string): string {
  return date.format(new Date(iso));
}

/** "1 call", "3 calls". */
export function counted(value: number, one: string, many: string): string {
  return `${count(value)} ${value === 1 ? one : many}`;
}
