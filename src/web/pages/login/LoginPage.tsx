import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/api-client';
import { useMe, useSignIn } from '../../api/session-api';
import { ColorSchemeToggle } from '../../components/ColorSchemeToggle';
import { IconAlert, IconCycle } from '../../components/icons';
import { safeNextPath } from '../../sign-in-path';
import classes from './LoginPage.module.css';

/** Email and password sign-in; afterwards the user lands where they were going. */
export function LoginPage() {
  useDocumentTitle('Sign in · Cycle');
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const me = useMe();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  // Signed in already, or just now (the sign-in stores the user in the `me` query).
  if (me.isSuccess) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };

  return (
    <div className={classes.page}>
      <div className={classes.toggle}>
        <ColorSchemeToggle />
      </div>
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={400} gap="lg">
          <Stack align="center" gap={6}>
            <span className={classes.logo}>
              <IconCycle size={26} />
            </span>
            <Title order={1} size="h2">
              Sign in to Cycle
            </Title>
            <Text c="dimmed" size="sm">
              Customer success, from onboarding to renewal.
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" p="xl">
            <form onSubmit={onSubmit}>
              <Stack gap="md">
                {signIn.isError && (
                  <Alert color="red" variant="light" icon={<IconAlert />} title="Could not sign in" role="alert">
                    {errorMessage(signIn.error)}
                  </Alert>
                )}
                <TextInput
                  label="Email"
                  type="email"
                  name="email"
                  autoComplete="username"
                  placeholder="you@company.com"
                  required
                  autoFocus
                  value={email}
                  onChange={(event) => setEmail(event.currentTarget.value)}
                />
                <PasswordInput
                  label="Password"
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                />
                <Button type="submit" fullWidth loading={signIn.isPending}>
                  Sign in
                </Button>
              </Stack>
            </form>
          </Paper>
          <Text c="dimmed" size="xs" ta="center">
            Forgot your password? An admin can set a new one with <code>cycle users set-password</code>.
          </Text>
        </Stack>
      </Center>
    </div>
  );
}
