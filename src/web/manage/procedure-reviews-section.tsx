import type { SectionProps } from './section-props';

export function ProcedureReviewsSection(_props: SectionProps) {
  return null;
}
