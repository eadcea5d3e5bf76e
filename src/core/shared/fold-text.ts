/**
 * Vietnamese text folded for searching: lower case, no tone or vowel marks, "đ"/"Đ" → "d", every run of
 * punctuation or spaces → one space. "Đăng ký khai sinh", "dang ky khai sinh" and "ĐĂNG KÝ  khai-sinh"
 * all fold to "dang ky khai sinh", so a citizen typing on a phone without a Vietnamese keyboard finds
 * the procedure. Pure.
 */
export function foldVietnamese(text: string): string {
  return (
    text
      // NFD splits "ệ" into "e" + marks; "đ" has no decomposition, and some sources write the look-alike
      // "Ð" (U+00D0, Icelandic eth) for "Đ".
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/gu, '')
      .replace(/[đĐÐ]/gu, 'd')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/** The folded words of a text, e.g. for "all these words appear" matching. */
export function foldedWords(text: string): string[] {
  const folded = foldVietnamese(text);
  return folded === '' ? [] : folded.split(' ');
}
