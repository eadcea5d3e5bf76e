/**
 * The rating page's address: /danh-gia?code=<dossier code>&t=<token>[&via=lookup]. The QR codes on
 * Form 01 (to the lookup page) and on the rating slip (to this page) carry the code and the token;
 * the lookup page passes them on when it offers "Đánh giá".
 */
export interface RatingLink {
  code: string;
  token: string;
  via: 'qr' | 'lookup';
}

const TOKEN = /^[A-Za-z0-9_-]{8,100}$/;

export function ratingLinkOf(search: string): RatingLink | null {
  const params = new URLSearchParams(search);
  const code = (params.get('code') ?? '').replace(/\s+/g, '').toUpperCase();
  const token = (params.get('t') ?? '').trim();
  if (!code || !TOKEN.test(token)) return null;
  return { code, token, via: params.get('via') === 'lookup' ? 'lookup' : 'qr' };
}

/** The lookup page's "Đánh giá" link, when its own address carried the token; null otherwise. */
export function ratingHrefFromLookup(search: string, code: string): string | null {
  const params = new URLSearchParams(search);
  const token = (params.get('t') ?? '').trim();
  // The token belongs to the code the QR opened, not to another code typed afterwards.
  if (!TOKEN.test(token) || (params.get('code') ?? '').replace(/\s+/g, '').toUpperCase() !== code.toUpperCase()) return null;
  return `/danh-gia?${new URLSearchParams({ code, t: token, via: 'lookup' })}`;
}
