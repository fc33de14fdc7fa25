/** A cell value as tables print it: digits (half or full width), maybe a decimal point and a unit. */
const NUMBER = /^[-+]?[0-9０-９][0-9０-９,，]*([.．][0-9０-９]+)?\s*(万元|元|万|件|个|条|%|％)?$/u;
/** Marks some publishers print in an empty value cell. */
const BLANK_MARK = /^[-—–－/／]$/u;

export const isNumberText = (text: string): boolean => NUMBER.test(text.trim());
export const isValueText = (text: string): boolean => isNumberText(text) || BLANK_MARK.test(text.trim());

/** Enumeration markers that open a new label: “（五）”, “(五)”, “三、”, “1.”, “１．”, “2、”. */
export const startsWithEnumeration = (text: string): boolean =>
  /^\s*([（(][一二三四五六七八九十\d０-９]+[）)]|[一二三四五六七八九十]+、|[\d０-９]+[.．、])/u.test(text);
