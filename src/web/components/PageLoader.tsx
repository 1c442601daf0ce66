import { Center, Loader } from '@mantine/core';

/** A centred spinner while a page's code or the session loads. */
export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <Center h={fullScreen ? '100vh' : 240} role="status" aria-label="Loading">
      <Loader />
    </Center>
  );
}
