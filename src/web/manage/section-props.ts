/** What every section of the management console receives from the page. */
import type { CentreInfo, User } from '../../contracts/api';
import type { Hall } from './use-hall';

/** Who may open /manage: managers (unit heads among them), admins and province inspectors. */
export type ManageRole = 'manager' | 'admin' | 'inspector';

export interface SectionProps {
  user: User & { role: ManageRole };
  isAdmin: boolean;
  info: CentreInfo;
  hall: Hall;
}
