import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { UNAUTHORIZED_EVENT } from './api/api-client';
import { AppLayout } from './components/AppLayout';
import { PageLoader } from './components/PageLoader';
import { RequireSession } from './components/RequireSession';
import { signInPath } from './sign-in-path';

// Pages load on demand so the first screen only downloads what it shows.
const LoginPage = lazy(() =>
  import('./pages/login/LoginPage').then((module) => ({ default: module.LoginPage })),
);
const loadHomePage = () => import('./pages/home/HomePage').then((module) => ({ default: module.HomePage }));
// Home is the first page after sign-in: fetch its code beside the session check instead of after it.
if (typeof window !== 'undefined' && window.location.pathname === '/') void loadHomePage();
const HomePage = lazy(loadHomePage);
const AccountsPage = lazy(() =>
  import('./pages/accounts/AccountsPage').then((module) => ({ default: module.AccountsPage })),
);
const AccountPage = lazy(() =>
  import('./pages/account/AccountPage').then((module) => ({ default: module.AccountPage })),
);
const MetricsPage = lazy(() =>
  import('./pages/metrics/MetricsPage').then((module) => ({ default: module.MetricsPage })),
);
const HealthPage = lazy(() =>
  import('./pages/health/HealthPage').then((module) => ({ default: module.HealthPage })),
);
const ScorecardEditorPage = lazy(() =>
  import('./pages/health/editor/ScorecardEditorPage').then((module) => ({
    default: module.ScorecardEditorPage,
  })),
);
const SegmentsPage = lazy(() =>
  import('./pages/segments/SegmentsPage').then((module) => ({ default: module.SegmentsPage })),
);
const SegmentPage = lazy(() =>
  import('./pages/segments/SegmentPage').then((module) => ({ default: module.SegmentPage })),
);
const JourneyPage = lazy(() =>
  import('./pages/journey/JourneyPage').then((module) => ({ default: module.JourneyPage })),
);
const TeamPage = lazy(() => import('./pages/team/TeamPage').then((module) => ({ default: module.TeamPage })));
const SettingsPage = lazy(() =>
  import('./pages/settings/SettingsPage').then((module) => ({ default: module.SettingsPage })),
);
const NotFoundPage = lazy(() =>
  import('./pages/NotFoundPage').then((module) => ({ default: module.NotFoundPage })),
);

/** When any call answers 401 (session expired or signed out elsewhere), go to sign-in and come back after. */
function RedirectWhenSignedOut() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  useEffect(() => {
    const onUnauthorized = () => {
      if (location.pathname === '/login') return;
      queryClient.removeQueries();
      navigate(signInPath(location), { replace: true });
    };
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, [location, navigate, queryClient]);
  return null;
}

export function AppRoutes() {
  return (
    <>
      <RedirectWhenSignedOut />
      <Routes>
        <Route
          path="/login"
          element={
            <Suspense fallback={<PageLoader fullScreen />}>
              <LoginPage />
            </Suspense>
          }
        />
        <Route
          element={
            <RequireSession>
              <AppLayout />
            </RequireSession>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="accounts" element={<AccountsPage />} />
          <Route path="accounts/:id" element={<AccountPage />} />
          <Route path="metrics" element={<MetricsPage />} />
          <Route path="health" element={<HealthPage />} />
          <Route path="health/scorecards" element={<HealthPage />} />
          <Route path="health/backtest" element={<HealthPage />} />
          <Route path="health/scorecards/new" element={<ScorecardEditorPage />} />
          <Route path="health/scorecards/:id" element={<ScorecardEditorPage />} />
          <Route path="segments" element={<SegmentsPage />} />
          <Route path="segments/new" element={<SegmentPage />} />
          <Route path="segments/:id" element={<SegmentPage />} />
          <Route path="journey" element={<JourneyPage />} />
          <Route path="team" element={<TeamPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
