/**
 * A dossier rating being answered, on the counter's screen or on a phone:
 *
 *   overall ──choose a level──▶ details ──send──▶ (sent by the page)
 *      ▲                          │
 *      └──────── back ────────────┘
 *
 * In "details" every criterion is optional (touch a level again to clear it) and so is the comment.
 * Pure, so it is table-tested.
 */
export interface AnswerState {
  step: 'overall' | 'details';
  value: number | null;
  criteria: Record<string, number>;
  comment: string;
}

export type AnswerAction =
  | { type: 'overall'; value: number }
  | { type: 'criterion'; key: string; value: number }
  | { type: 'comment'; text: string }
  | { type: 'back' };

export const START: AnswerState = { step: 'overall', value: null, criteria: {}, comment: '' };

export const MAX_COMMENT = 1000;

export function answerReducer(state: AnswerState, action: AnswerAction): AnswerState {
  switch (action.type) {
    case 'overall':
      return { ...state, step: 'details', value: action.value };
    case 'criterion': {
      const criteria = { ...state.criteria };
      if (criteria[action.key] === action.value) delete criteria[action.key];
      else criteria[action.key] = action.value;
      return { ...state, criteria };
    }
    case 'comment':
      return { ...state, comment: action.text.slice(0, MAX_COMMENT) };
    case 'back':
      return { ...state, step: 'overall' };
  }
}

/** What is sent: the overall level, the criteria answered in the centre's order, the comment if any. */
export function answerOf(
  state: AnswerState,
  criteriaOrder: readonly { key: string }[],
): { value: number; criteria: { key: string; value: number }[]; comment: string | null } | null {
  if (state.value === null) return null;
  return {
    value: state.value,
    criteria: criteriaOrder.filter((c) => state.criteria[c.key] !== undefined).map((c) => ({ key: c.key, value: state.criteria[c.key]! })),
    comment: state.comment.trim() || null,
  };
}
