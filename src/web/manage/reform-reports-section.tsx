import type { SectionProps } from './section-props';

export function ReformReportsSection(_props: SectionProps) {
  return null;
}
