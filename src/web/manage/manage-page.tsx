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
  'catalogue',
  'calendar',
  'fields',
  'counters',
  'people',
  'priority',
  'devices',
  'face',
  'settings',
] as const;
export type SectionId = (typeof SECTIONS)[number];

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


function sectionFromHash(): SectionId {
  const id = location.hash.replace(/^#/, '');
  return (SECTIONS as readonly string[]).includes(id) ? (id as SectionId) : 'overview';
}

const MANAGERS: readonly ManageRole[] = ['manager', 'admin'];

export default function ManagePage() {
  const text = useText(TEXT);
  return (
    <RequireUser roles={MANAGERS} title={text.loginTitle}>
      {(user, logout) => <Console user={user as User & { role: ManageRole }} logout={logout} />}
    </RequireUser>
  );
}

function Console({ user, logout }: { user: User & { role: ManageRole }; logout: () => Promise<void> }) {
  const text = useText(TEXT);
  const { lang } = useLang();
  const hall = useHall();
  const [section, setSection] = useState<SectionId>(sectionFromHash);
  const [logoutError, setLogoutError] = useState<string | null>(null);

  useEffect(() => {
    const onHash = () => setSection(sectionFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

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
          {SECTIONS.map((id) => (
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
