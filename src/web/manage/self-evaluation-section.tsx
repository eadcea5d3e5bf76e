import type { SectionProps } from './section-props';

export function SelfEvaluationSection(_props: SectionProps) {
  return null;
}
