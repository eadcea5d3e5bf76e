/**
 * /manage — the centre's management console for its manager and its IT person: KPIs and the live
 * hall, fields, counters, people, priority groups, devices and printers, settings. Sections are
 * picked in the side menu and remembered in the address (#fields …) so a reload stays put.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { User } from '../../contracts/api';
import { LangSwitch, useLang, useText, type Dictionary } from '../shared/i18n';
import { RequireUser } from '../shared/login-form';
import { CalendarSection } from './calendar-section';
import { CatalogueSection } from './catalogue-section';
import { CountersSection } from './counters-section';
import { DevicesSection } from './devices-section';
import { DossierKpisSection } from './dossier-kpis-section';
import { IndicatorsSection } from './indicators-section';
import { InspectionSection } from './inspection-section';
import { ProcedureReviewsSection } from './procedure-reviews-section';
import { ProcessDocumentsSection } from './process-documents-section';
import { ReformReportsSection } from './reform-reports-section';
import { SelfEvaluationSection } from './self-evaluation-section';
import { UnitsSection } from './units-section';
import { EvaluationSection } from './evaluation-section';
import { FaceSection } from './face-section';
import { FieldsSection } from './fields-section';
import { ROLE_LABELS } from './manage-text';
import { OverviewSection } from './overview-section';
import { PaknSection } from './pakn-section';
import { PeopleSection } from './people-section';
import { PrioritySection } from './priority-section';
import { SettingsSection } from './settings-section';
import { TrackingBookSection } from './tracking-book-section';
import type { ManageRole, SectionProps } from './section-props';
import { errorMessage } from './ui';
import { useHall } from './use-hall';
import './manage.css';

// The chart library is fetched only when the charts section opens.
const ChartsSection = lazy(() => import('./charts-section'));

export const SECTIONS = [
  'overview',
  'dossier-kpis',
  'indicators',
  'charts',
  'tracking-book',
  'pakn',
  'evaluation',
  'inspection',
  'self-evaluation',
  'reform-reports',
  'process-documents',
  'procedure-reviews',
  'catalogue',
  'calendar',
  'fields',
  'counters',
  'people',
  'units',
  'priority',
  'devices',
  'face',
  'settings',
] as const;
export type SectionId = (typeof SECTIONS)[number];

/** What a province inspector works with; the centre's own running (queue, catalogue, devices) is not theirs. */
const INSPECTOR_SECTIONS: readonly SectionId[] = ['inspection', 'self-evaluation', 'reform-reports', 'process-documents', 'procedure-reviews', 'units'];

export function sectionsFor(role: ManageRole): readonly SectionId[] {
  return role === 'inspector' ? INSPECTOR_SECTIONS : SECTIONS;
}

const TEXT: Dictionary<SectionId | 'console' | 'loginTitle' | 'menu' | 'logout' | 'loading' | 'live' | 'connecting' | 'offline'> = {
  vi: {
    console: 'Quản lý',
    loginTitle: 'Quản lý trung tâm',
    menu: 'Mục quản lý',
    overview: 'Tổng quan',
    'dossier-kpis': 'Chỉ số hồ sơ',
    indicators: 'Chỉ số 766',
    charts: 'Biểu đồ',
    'tracking-book': 'Sổ theo dõi hồ sơ',
    pakn: 'Phản ánh, kiến nghị',
    evaluation: 'Đánh giá 9 chỉ số',
    inspection: 'Kiểm tra CCHC',
    'self-evaluation': 'Tự đánh giá, thẩm định',
    'reform-reports': 'Báo cáo CCHC',
    'process-documents': 'Quy trình ISO',
    'procedure-reviews': 'Rà soát thủ tục',
    units: 'Đơn vị',
    catalogue: 'Danh mục thủ tục',
    calendar: 'Lịch làm việc',
    fields: 'Lĩnh vực',
    counters: 'Quầy',
    people: 'Cán bộ',
    priority: 'Nhóm ưu tiên',
    devices: 'Thiết bị',
    face: 'Dữ liệu khuôn mặt',
    settings: 'Cài đặt',
    logout: 'Đăng xuất',
    loading: 'Đang tải dữ liệu trung tâm…',
    live: 'Đang cập nhật trực tiếp',
    connecting: 'Đang kết nối…',
    offline: 'Mất kết nối, đang thử lại…',
  },
  en: {
    console: 'Management',
    loginTitle: 'Centre management',
    menu: 'Sections',
    overview: 'Overview',
    'dossier-kpis': 'Dossier KPIs',
    indicators: 'Decision 766 indicators',
    charts: 'Charts',
    'tracking-book': 'Tracking book',
    pakn: 'Complaints & suggestions',
    evaluation: '9-indicator evaluation',
    inspection: 'Reform inspections',
    'self-evaluation': 'Self-evaluation & appraisal',
    'reform-reports': 'Reform reports',
    'process-documents': 'ISO processes',
    'procedure-reviews': 'Procedure reviews',
    units: 'Units',
    catalogue: 'Procedure catalogue',
    calendar: 'Working calendar',
    fields: 'Fields',
    counters: 'Counters',
    people: 'People',
    priority: 'Priority groups',
    devices: 'Devices',
    face: 'Face data',
    settings: 'Settings',
    logout: 'Sign out',
    loading: 'Loading the centre…',
    live: 'Live',
    connecting: 'Connecting…',
    offline: 'Offline, retrying…',
  },
};


function sectionFromHash(allowed: readonly SectionId[]): SectionId {
  const id = location.hash.replace(/^#/, '').split('?')[0]!;
  return (allowed as readonly string[]).includes(id) ? (id as SectionId) : allowed[0]!;
}

const MANAGE_ROLES: readonly ManageRole[] = ['manager', 'admin', 'inspector'];

export default function ManagePage() {
  const text = useText(TEXT);
  return (
    <RequireUser roles={MANAGE_ROLES} title={text.loginTitle}>
      {(user, logout) => <Console user={user as User & { role: ManageRole }} logout={logout} />}
    </RequireUser>
  );
}

function Console({ user, logout }: { user: User & { role: ManageRole }; logout: () => Promise<void> }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const hall = useHall();
  const allowed = sectionsFor(user.role);
  const [section, setSection] = useState<SectionId>(() => sectionFromHash(allowed));
  const [logoutError, setLogoutError] = useState<string | null>(null);

  useEffect(() => {
    const onHash = () => setSection(sectionFromHash(allowed));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [allowed]);

  useEffect(() => {
    document.title = `${text[section]} – ${text.console} – Một Cửa`;
  }, [section, text]);

  const info = hall.info;
  const props: SectionProps | null = info ? { user, isAdmin: user.role === 'admin', info, hall } : null;

  return (
    <div className="m-app">
      <header className="m-top">
        <div className="m-brand">
          <strong>{text.console}</strong>
          {info && <span className="m-centre-name">{info.centre.shortName}</span>}
        </div>
        <div className="m-top-right">
          <span className={`m-stream m-stream-${hall.stream}`}>{text[hall.stream]}</span>
          <span className="m-user">
            {user.fullName} · {ROLE_LABELS[user.role][lang]}
          </span>
          <LangSwitch className="m-lang" />
          <button type="button" onClick={() => void logout().catch((e: unknown) => setLogoutError(errorMessage(e)))}>
            {text.logout}
          </button>
          {logoutError && (
            <span className="m-top-error" role="alert">
              {logoutError}
            </span>
          )}
        </div>
      </header>
      <nav className="m-nav" aria-label={text.menu}>
        <ul>
          {allowed.map((id) => (
            <li key={id}>
              <a href={`#${id}`} aria-current={section === id ? 'page' : undefined}>
                {text[id]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="m-main" aria-labelledby="m-section-title">
        <h1 id="m-section-title">{text[section]}</h1>
        {!props ? (
          hall.loadError ? (
            <p className="m-form-error" role="alert">
              {hall.loadError}
            </p>
          ) : (
            <p>{text.loading}</p>
          )
        ) : (
          <Section id={section} {...props} />
        )}
      </main>
    </div>
  );
}

function Section({ id, ...props }: SectionProps & { id: SectionId }) {
  switch (id) {
    case 'overview':
      return <OverviewSection {...props} />;
    case 'dossier-kpis':
      return <DossierKpisSection {...props} />;
    case 'indicators':
      return <IndicatorsSection {...props} />;
    case 'charts':
      return (
        <Suspense fallback={<p className="m-muted">…</p>}>
          <ChartsSection {...props} />
        </Suspense>
      );
    case 'tracking-book':
      return <TrackingBookSection {...props} />;
    case 'pakn':
      return <PaknSection {...props} />;
    case 'evaluation':
      return <EvaluationSection {...props} />;
    case 'inspection':
      return <InspectionSection {...props} />;
    case 'self-evaluation':
      return <SelfEvaluationSection {...props} />;
    case 'reform-reports':
      return <ReformReportsSection {...props} />;
    case 'process-documents':
      return <ProcessDocumentsSection {...props} />;
    case 'procedure-reviews':
      return <ProcedureReviewsSection {...props} />;
    case 'units':
      return <UnitsSection {...props} />;
    case 'catalogue':
      return <CatalogueSection {...props} />;
    case 'calendar':
      return <CalendarSection {...props} />;
    case 'fields':
      return <FieldsSection {...props} />;
    case 'counters':
      return <CountersSection {...props} />;
    case 'people':
      return <PeopleSection {...props} />;
    case 'priority':
      return <PrioritySection {...props} />;
    case 'devices':
      return <DevicesSection {...props} />;
    case 'face':
      return <FaceSection {...props} />;
    case 'settings':
      return <SettingsSection {...props} />;
  }
}
