import { Button } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { IconAlert } from '../components/icons';
import { Notice } from '../components/Notice';

/** Any address the app does not know. */
export function NotFoundPage() {
  useDocumentTitle('Page not found · Cycle');
  return (
    <Notice
      py={80}
      headingOrder={1}
      icon={<IconAlert size={26} />}
      title="Page not found"
      description="There is nothing at this address. It may have moved, or the link may be mistyped."
      actions={
        <Button component={Link} to="/accounts">
          Go to accounts
        </Button>
      }
    />
  );
}
