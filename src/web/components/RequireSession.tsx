import { Center } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../api/api-client';
import { useMe } from '../api/session-api';
import { signInPath } from '../sign-in-path';
import { ErrorState } from './ErrorState';
import { PageLoader } from './PageLoader';

/** Shows its children to a signed-in user; sends anyone else to sign in, then back here. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader fullScreen />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={signInPath(location)} replace />;
    return (
      <Center h="100vh">
        <ErrorState title="Cycle is not answering" error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  return children;
}
