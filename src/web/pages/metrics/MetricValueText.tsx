import { Text, type TextProps, Tooltip, VisuallyHidden } from '@mantine/core';
import type { MetricValueDto } from '../../../shared/api/metrics.contract';
import { describeMetricValue, type MetricUnit } from '../../format/metric-values';

interface MetricValueTextProps extends TextProps {
  metric: MetricValueDto;
  unit: MetricUnit;
  currency?: string;
}

/**
 * A metric as text: its value, or "—" with the server's reason as a tooltip (focusable, and read
 * out by screen readers) when it is infinite or not defined.
 */
export function MetricValueText({ metric, unit, currency, ...props }: MetricValueTextProps) {
  const { text, reason } = describeMetricValue(metric, unit, currency);
  if (reason === null) {
    return (
      <Text span inherit {...props}>
        {text}
      </Text>
    );
  }
  return (
    <Tooltip label={reason} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Text
        span
        inherit
        c="dimmed"
        tabIndex={0}
        data-metric-status={metric.status}
        style={{ cursor: 'help' }}
        {...props}
      >
        <span aria-hidden="true">{text}</span>
        <VisuallyHidden>
          {metric.status === 'infinite' ? 'Infinite' : 'Not defined'}: {reason}
        </VisuallyHidden>
      </Text>
    </Tooltip>
  );
}
