import type { Child, FC } from 'hono/jsx';
import type { StaffSession } from '../staff/staff-sessions';
import { consoleAssets } from './console-assets';
import { formTokenField } from './form-token';

type NavItem = { href: string; label: string; roles?: readonly string[] };

const nav: NavItem[] = [
  { href: '/console', label: 'Dashboard' },
  { href: '/console/incidents', label: 'Incidents' },
  { href: '/console/components', label: 'Components', roles: ['publisher', 'admin'] },
  { href: '/console/offices', label: 'Offices' },
  { href: '/console/appointments', label: 'Appointments', roles: ['publisher', 'admin'] },
  { href: '/console/audit', label: 'Audit log', roles: ['admin'] },
  { href: '/console/templates', label: 'Templates', roles: ['drafter', 'publisher', 'admin'] },
  { href: '/console/accounts', label: 'Accounts', roles: ['admin'] },
  { href: '/console/account', label: 'My account' },
];

/** A form that carries the session's form token: every console form posts through this. */
export const ConsoleForm: FC<{ action: string; csrf: string; children?: Child; class?: string; id?: string; enctype?: 'multipart/form-data' | 'application/x-www-form-urlencoded' }> = ({ action, csrf, children, ...rest }) => (
  <form method="post" action={action} {...rest}>
    <input type="hidden" name={formTokenField} value={csrf} />
    {children}
  </form>
);

/** The frame of every console page: skip link, navigation for the signed-in person, main content. */
export const ConsolePage: FC<{ title: string; staff?: StaffSession | null; path?: string; children?: Child }> = ({ title, staff, path, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>{`${title} · Hali console`}</title>
      <link rel="stylesheet" href={consoleAssets.css.path} />
      <script src={consoleAssets.js.path} defer></script>
    </head>
    <body>
      <a class="skip" href="#main">Skip to content</a>
      <header class="bar">
        <a class="brand" href="/console">Hali console</a>
        {staff?.verified ? (
          <>
            <nav aria-label="Console">
              <ul>
                {nav
                  .filter((item) => !item.roles || item.roles.includes(staff.user.role))
                  .map((item) => (
                    <li>
                      <a href={item.href} aria-current={path === item.href ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
              </ul>
            </nav>
            <ConsoleForm action="/console/sign-out" csrf={staff.csrfToken}>
              <span class="meta">
                {staff.user.name} ({staff.user.role}){' '}
              </span>
              <button type="submit" class="secondary">
                Sign out
              </button>
            </ConsoleForm>
          </>
        ) : null}
      </header>
      <main id="main" tabindex={-1}>
        <h1>{title}</h1>
        {children}
      </main>
    </body>
  </html>
);
