/**
 * How a rating option looks: what it counts as on the national 3-level scale (very satisfied,
 * satisfied, dissatisfied) and its place within that group become a mood from +1 (delighted) to
 * −1 (unhappy), which sets the face's mouth and colour. "Hài lòng" is a smile, not a shrug.
 * Pure, so it is tested.
 */

type ReportsAs = 'very-satisfied' | 'satisfied' | 'dissatisfied';

/** Each group's mood range, best end first, and the mood of a group's only option. */
const BANDS: Record<ReportsAs, { from: number; to: number; single: number }> = {
  'very-satisfied': { from: 1, to: 0.8, single: 1 },
  satisfied: { from: 0.6, to: 0, single: 0.45 },
  dissatisfied: { from: -0.5, to: -1, single: -1 },
};

/** Mood of option `index` of a scale listed best first. */
export function moodOf(scale: readonly { reportsAs: ReportsAs }[], index: number): number {
  const option = scale[index];
  if (!option) return 0;
  const band = BANDS[option.reportsAs];
  const group = scale.filter((o) => o.reportsAs === option.reportsAs);
  if (group.length === 1) return band.single;
  const position = scale.slice(0, index).filter((o) => o.reportsAs === option.reportsAs).length;
  return band.from + ((band.to - band.from) * position) / (group.length - 1);
}

/** Face colour for a mood; all dark enough for white features and a 3:1 contrast on white. */
export function moodColour(mood: number): string {
  if (mood > 0.75) return '#17692f';
  if (mood > 0.25) return '#4d7c0f';
  if (mood > -0.25) return '#8a6100';
  if (mood > -0.75) return '#b45309';
  return '#b3121f';
}

/** SVG path of the mouth in a 100×100 face: a smile for good moods, a frown for bad ones. */
export function mouthPath(mood: number): string {
  const y = 66 - mood * 4;
  const curve = y + mood * 18;
  return `M30 ${y.toFixed(1)} Q50 ${curve.toFixed(1)} 70 ${y.toFixed(1)}`;
}

/** Which option a number key picks: keys 1…n name the buttons from left (best) to right. */
export function optionForKey(key: string, count: number): number | null {
  if (!/^[1-9]$/.test(key)) return null;
  const index = Number(key) - 1;
  return index < count ? index : null;
}
