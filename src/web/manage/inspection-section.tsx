import type { SectionProps } from './section-props';

export function InspectionSection(_props: SectionProps) {
  return null;
}
