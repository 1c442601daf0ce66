import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

/** A ready-to-paste code example with a title and a copy button. */
export function CodeSnippet({ title, code }: { title: string; code: string }) {
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {title}
        </Text>
        <CopyButton value={code} timeout={2000}>
          {({ copied, copy }) => (
            <Button
              size="compact-sm"
              variant={copied ? 'light' : 'subtle'}
              color={copied ? 'teal' : undefined}
              onClick={copy}
              aria-label={copied ? `Copied ${title}` : `Copy ${title}`}
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block data-testid="code-snippet" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {code}
      </Code>
    </Stack>
  );
}
