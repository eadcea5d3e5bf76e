/**
 * The priority group (nhóm ưu tiên) form. The weight is the number of minutes of waiting a ticket
 * of the group is credited with when priority tickets are ranked.
 */
import type { PriorityGroup, PriorityGroupInput } from '../../contracts/api';
import { parseWhole } from './format';

export interface PriorityDraft {
  code: string;
  nameVi: string;
  nameEn: string;
  weight: string;
  active: boolean;
}

export type PriorityHintCode = 'required' | 'too-long' | 'code-format' | 'code-taken' | 'priority-weight-range';
export type PriorityHints = Partial<Record<'code' | 'nameVi' | 'nameEn' | 'weight', PriorityHintCode>>;

export function emptyPriorityDraft(): PriorityDraft {
  return { code: '', nameVi: '', nameEn: '', weight: '30', active: true };
}

export function priorityToDraft(group: PriorityGroup): PriorityDraft {
  return { code: group.code, nameVi: group.nameVi, nameEn: group.nameEn, weight: String(group.weight), active: group.active };
}

export function draftToPriorityInput(
  draft: PriorityDraft,
  others: readonly Pick<PriorityGroup, 'id' | 'code'>[] = [],
  selfId: string | null = null,
): { ok: true; input: PriorityGroupInput } | { ok: false; hints: PriorityHints } {
  const hints: PriorityHints = {};
  const code = draft.code.trim().toUpperCase();
  if (!code) hints.code = 'required';
  else if (!/^[A-Z0-9_-]{1,16}$/.test(code)) hints.code = 'code-format';
  else if (others.some((o) => o.id !== selfId && o.code === code)) hints.code = 'code-taken';
  const nameVi = draft.nameVi.trim();
  const nameEn = draft.nameEn.trim();
  if (!nameVi) hints.nameVi = 'required';
  else if (nameVi.length > 200) hints.nameVi = 'too-long';
  if (!nameEn) hints.nameEn = 'required';
  else if (nameEn.length > 200) hints.nameEn = 'too-long';
  const weight = parseWhole(draft.weight);
  if (weight === null) hints.weight = 'required';
  else if (!Number.isInteger(weight) || weight < 1 || weight > 600) hints.weight = 'priority-weight-range';
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return { ok: true, input: { code, nameVi, nameEn, weight: weight!, active: draft.active } };
}
