import { EmptyState, type EmptyStateProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface NoticeProps extends Omit<EmptyStateProps, 'title' | 'description' | 'icon'> {
  title: string;
  description: ReactNode;
  icon?: ReactNode;
  /** Heading level of the title: 1 when the notice is the page, 2 or 3 inside a section. */
  headingOrder?: 1 | 2 | 3 | 4;
  /** Buttons or links offering the way forward. */
  actions?: ReactNode;
}

/** An empty, not-found or error state: a real heading, a sentence on what to do, and the way forward. */
export function Notice({ title, description, icon, headingOrder = 2, actions, ...props }: NoticeProps) {
  return (
    <EmptyState withIndicatorBackground={icon !== undefined && props.variant === undefined} {...props}>
      {icon && <EmptyState.Indicator>{icon}</EmptyState.Indicator>}
      <EmptyState.Title order={headingOrder}>{title}</EmptyState.Title>
      <EmptyState.Description>{description}</EmptyState.Description>
      {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
    </EmptyState>
  );
}
