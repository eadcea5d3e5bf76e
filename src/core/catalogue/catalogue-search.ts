/**
 * Searching the public procedure catalogue the way a citizen types: without diacritics, a few words,
 * sometimes the procedure's code. The everyday procedure comes first: "khai sinh" must put
 * "Đăng ký khai sinh" above "Đăng ký khai sinh có yếu tố nước ngoài tại khu vực biên giới", so a match
 * of the whole name beats a name that starts with the words, which beats the words as a phrase inside a
 * longer name, which beats the words scattered; within one tier the shorter name (fewer extra words)
 * wins. Pure.
 */
import { foldVietnamese } from '../shared/fold-text';

export interface Searchable {
  code: string;
  name: string;
  fieldName: string;
}

/** How well a procedure matches; lower is better. */
export const MATCH_TIERS = {
  code: 0,
  exactName: 1,
  namePrefix: 2,
  namePhrase: 3,
  nameWords: 4,
  nameText: 5,
  withField: 6,
} as const;
export type MatchTier = keyof typeof MATCH_TIERS;

export interface SearchHit<T> {
  item: T;
  tier: MatchTier;
}

/**
 * The name as citizens say it: the national catalogue writes "Thủ tục đăng ký khai sinh", people say
 * "đăng ký khai sinh".
 */
export function foldedProcedureName(name: string): string {
  return foldVietnamese(name).replace(/^(thu tuc hanh chinh|thu tuc|tthc)\s+/u, '');
}

/** Where one procedure stands for a query already folded; null when it does not match. */
export function matchTier(item: Searchable, foldedQuery: string): MatchTier | null {
  if (foldedQuery === '') return null;
  const code = item.code.toLowerCase();
  const rawQuery = foldedQuery.replace(/ /gu, '.');
  if (code === rawQuery || (rawQuery.length >= 3 && /^\d/u.test(rawQuery) && code.startsWith(rawQuery))) return 'code';
  const name = foldedProcedureName(item.name);
  if (name === foldedQuery || foldVietnamese(item.name) === foldedQuery) return 'exactName';
  if (name.startsWith(`${foldedQuery} `)) return 'namePrefix';
  if (` ${name} `.includes(` ${foldedQuery} `)) return 'namePhrase';
  const words = foldedQuery.split(' ');
  const nameWords = new Set(name.split(' '));
  if (words.every((w) => nameWords.has(w))) return 'nameWords';
  // The last word may be still being typed: "khai si".
  if (name.includes(foldedQuery)) return 'nameText';
  const everything = ` ${name} ${foldVietnamese(item.fieldName)} `;
  if (words.every((w) => everything.includes(` ${w} `))) return 'withField';
  return null;
}

/**
 * The procedures matching `query`, best first. An empty query returns nothing: the caller lists the
 * catalogue by field instead.
 */
export function searchProcedures<T extends Searchable>(items: readonly T[], query: string): SearchHit<T>[] {
  const folded = foldVietnamese(query);
  if (folded === '') return [];
  const hits: (SearchHit<T> & { words: number; name: string })[] = [];
  for (const item of items) {
    const tier = matchTier(item, folded);
    if (tier === null) continue;
    const name = foldedProcedureName(item.name);
    hits.push({ item, tier, words: name.split(' ').length, name });
  }
  hits.sort(
    (a, b) =>
      MATCH_TIERS[a.tier] - MATCH_TIERS[b.tier] ||
      a.words - b.words ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.item.code < b.item.code ? -1 : a.item.code > b.item.code ? 1 : 0),
  );
  return hits.map(({ item, tier }) => ({ item, tier }));
}
