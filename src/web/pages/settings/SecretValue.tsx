import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconAlert } from '../../components/icons';

/**
 * A secret (write key, webhook secret, API token) in full with a copy button. With `once`, a warning
 * says it cannot be shown again, because the server keeps only its hash.
 */
export function SecretValue({
  label,
  value,
  once = false,
}: {
  label: string;
  value: string;
  once?: boolean;
}) {
  return (
    <Stack gap="xs">
      {once && (
        <Alert color="orange" variant="light" icon={<IconAlert />} title="Copy it now">
          This is the only time it is shown. Store it somewhere safe, such as your secrets manager.
        </Alert>
      )}
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="stretch">
        <Code
          block
          flex={1}
          data-testid="secret-value"
          style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}
        >
          {value}
        </Code>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Button
              variant="light"
              color={copied ? 'teal' : undefined}
              onClick={copy}
              aria-label={copied ? `Copied ${label.toLowerCase()}` : `Copy ${label.toLowerCase()}`}
              miw={96}
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
