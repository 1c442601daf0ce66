import { AppShell, Badge, Container, Group, Text, Tooltip } from '@mantine/core';
import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useMe, useWorkspace } from '../api/session-api';
import { formatDate } from '../format/dates';
import classes from './AppLayout.module.css';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { IconCycle } from './icons';
import { PageLoader } from './PageLoader';
import { GlobalSearch } from './search/GlobalSearch';
import { UserMenu } from './UserMenu';

function DemoBadge() {
  const workspace = useWorkspace();
  const demo = workspace.data?.demo;
  if (!demo) return null;
  return (
    <Tooltip
      multiline
      w={260}
      label={`${demo.accounts} generated accounts over ${demo.months} months (seed ${demo.seed}), loaded ${formatDate(demo.loadedAt)}. Not real customers.`}
    >
      <Badge color="orange" variant="light" size="lg" tabIndex={0}>
        Demo data
      </Badge>
    </Tooltip>
  );
}

/**
 * The frame of every signed-in page: header with name, navigation by what people do (Home, Accounts,
 * Metrics, Health, Segments, Journey, Team — every role reads the team; its capacity part is for
 * managers and admins), global search (Ctrl/Cmd+K), demo marker, theme switch and user menu.
 */
export function AppLayout() {
  const me = useMe();
  return (
    <AppShell header={{ height: 60 }} padding={0}>
      <a href="#main" className={classes.skipLink}>
        Skip to content
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <Group gap="xl" wrap="nowrap">
            <Link to="/" className={classes.brand} aria-label="Cycle home">
              <span className={classes.logo}>
                <IconCycle size={18} />
              </span>
              <Text component="span" fw={700} size="lg">
                Cycle
              </Text>
            </Link>
            <nav aria-label="Main">
              <Group gap={4}>
                <NavLink to="/" end className={classes.navLink}>
                  Home
                </NavLink>
                <NavLink to="/accounts" className={classes.navLink}>
                  Accounts
                </NavLink>
                <NavLink to="/metrics" className={classes.navLink}>
                  Metrics
                </NavLink>
                <NavLink to="/health" className={classes.navLink}>
                  Health
                </NavLink>
                <NavLink to="/segments" className={classes.navLink}>
                  Segments
                </NavLink>
                <NavLink to="/journey" className={classes.navLink}>
                  Journey
                </NavLink>
                <NavLink to="/team" className={classes.navLink}>
                  Team
                </NavLink>
                <NavLink to="/settings" className={classes.navLink}>
                  Settings
                </NavLink>
              </Group>
            </nav>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <GlobalSearch />
            <DemoBadge />
            <ColorSchemeToggle />
            {me.data && <UserMenu me={me.data} />}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Container size="xl" py="xl">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
