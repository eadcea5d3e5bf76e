import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { LangProvider } from './shared/i18n';
import './shared/base.css';

const HomePage = lazy(() => import('./home/home-page'));
const KioskPage = lazy(() => import('./kiosk/kiosk-page'));
const CounterPage = lazy(() => import('./counter/counter-page'));
const DisplayPage = lazy(() => import('./display/display-page'));
const TicketPage = lazy(() => import('./ticket/ticket-page'));
const RatePage = lazy(() => import('./rate/rate-page'));
const ManagePage = lazy(() => import('./manage/manage-page'));
const DossiersPage = lazy(() => import('./dossiers/dossiers-page'));
const LookupPage = lazy(() => import('./lookup/lookup-page'));
const DossierRatingPage = lazy(() => import('./rate/dossier-rating-page'));
const PaknPage = lazy(() => import('./pakn/pakn-page'));
const CataloguePage = lazy(() => import('./public/catalogue-page'));
const ResultsPage = lazy(() => import('./public/results-page'));

/** One document serves every screen; the path picks it. */
function Screen() {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const ticket = /^\/t\/([0-9A-Z]{6,16})$/.exec(path);
  if (ticket) return <TicketPage code={ticket[1]!} />;
  switch (path) {
    case '/kiosk':
      return <KioskPage />;
    case '/counter':
      return <CounterPage />;
    case '/display':
      return <DisplayPage />;
    case '/rate':
      return <RatePage />;
    case '/manage':
      return <ManagePage />;
    case '/dossiers':
      return <DossiersPage />;
    case '/lookup':
      return <LookupPage />;
    case '/danh-gia':
      return <DossierRatingPage />;
    case '/phan-anh':
      return <PaknPage />;
    case '/thu-tuc':
      return <CataloguePage />;
    case '/ket-qua':
      return <ResultsPage />;
    default:
      return <HomePage />;
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <Suspense fallback={null}>
        <Screen />
      </Suspense>
    </LangProvider>
  </StrictMode>,
);
