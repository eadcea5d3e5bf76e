import type { SectionProps } from './section-props';

export function ProcessDocumentsSection(_props: SectionProps) {
  return null;
}
