import { Hono } from 'hono';
import { registerCodeStepPages } from './auth/code-step-pages';
import { guardFormPost } from './auth/form-post-guard';
import { registerSetPasswordPage } from './auth/set-password-page';
import { registerSignInPage } from './auth/sign-in-page';
import { registerSignOutActions } from './auth/sign-out-actions';
import { loadStaffSession, requireStaff } from './auth/staff-session-middleware';
import { consoleAssets } from './console-assets';
import { consoleErrorPage } from './console-error-page';
import type { ConsoleEnv } from './console-env';
import { consoleSecurityHeaders } from './console-headers';
import { registerAccountPage } from './pages/account-page';
import { registerTemplatesPages } from './pages/templates-pages';
import { registerTokensPages } from './pages/tokens-pages';
import { registerAppointmentsPages } from './pages/appointments-pages';
import { guardAppointmentUpload } from './pages/appointments-upload-guard';
import { registerAuditPage } from './pages/audit-page';
import { registerAccountPersonPages } from './pages/accounts-person-pages';
import { registerAccountsPages } from './pages/accounts-pages';
import { registerComponentGroupPages } from './pages/components-group-pages';
import { registerComponentsPages } from './pages/components-pages';
import { registerDashboardPage } from './pages/dashboard-page';
import { registerIncidentDraftPages } from './pages/incident-draft-pages';
import { registerIncidentPage } from './pages/incident-page';
import { registerIncidentProgressPage } from './pages/incident-progress-page';
import { registerIncidentsListPage } from './pages/incidents-list-page';
import { registerIncidentReviewPage } from './pages/incident-review-page';
import { registerOfficesPages } from './pages/offices-pages';

/**
 * The staff console at /console: server-rendered pages that work without JavaScript, over the
 * same domain functions as the API. Pages registered after `requireStaff()` need a signed-in,
 * fully verified person; every form post passes the CSRF guard first.
 */
export function createConsoleApp(): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use(consoleSecurityHeaders);
  app.onError(consoleErrorPage);
  for (const asset of Object.values(consoleAssets)) {
    app.get(asset.path.replace('/console', ''), (c) => {
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return c.body(asset.body, 200, { 'Content-Type': asset.type });
    });
  }
  app.use(loadStaffSession);
  // Before the form guard reads a body: a CSV upload may be large, so its sender is checked first.
  guardAppointmentUpload(app);
  app.use(guardFormPost);
  registerSignInPage(app);
  registerCodeStepPages(app);
  registerSetPasswordPage(app);
  registerSignOutActions(app);

  app.use(requireStaff());
  registerDashboardPage(app);
  registerAccountPage(app);
  registerTemplatesPages(app);
  registerTokensPages(app);
  registerAccountsPages(app);
  registerAccountPersonPages(app);
  // Drafting first: /incidents/new must win over /incidents/:id.
  registerIncidentDraftPages(app);
  registerIncidentReviewPage(app);
  registerIncidentProgressPage(app);
  registerIncidentsListPage(app);
  registerIncidentPage(app);
  registerComponentsPages(app);
  registerComponentGroupPages(app);
  registerOfficesPages(app);
  registerAppointmentsPages(app);
  registerAuditPage(app);
  return app;
}
