import { Divider, Stack } from '@mantine/core';
import { UnmatchedSection } from './UnmatchedSection';
import { WriteKeysSection } from './WriteKeysSection';

/** Settings → Tracking: write keys (admins) and what waits for an account (admins map, managers read). */
export function TrackingTab({ canManage }: { canManage: boolean }) {
  return (
    <Stack gap="xl">
      {canManage && (
        <>
          <WriteKeysSection />
          <Divider />
        </>
      )}
      <UnmatchedSection canMap={canManage} />
    </Stack>
  );
}
