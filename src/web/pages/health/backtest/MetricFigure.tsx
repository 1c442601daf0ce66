import { Text, type TextProps } from '@mantine/core';
import type { MetricValueDto } from '../../../../shared/api/metrics.contract';
import { type MetricFormat, metricText } from './backtest-format';

interface MetricFigureProps extends TextProps {
  metric: MetricValueDto;
  format: MetricFormat;
  /**
   * 'block' (a paragraph, with the reason under "—"; place it in a div) for cards, or 'inline' (a span,
   * "— (reason)") for tables and sentences.
   */
  layout?: 'block' | 'inline';
}

/** A backtest figure, or "—" with the server's reason in words (never NaN, never a false 0). */
export function MetricFigure({ metric, format, layout = 'block', ...props }: MetricFigureProps) {
  const text = metricText(metric, format);
  const inline = layout === 'inline';
  if (text !== null) {
    return (
      <Text span={inline} inherit={inline} style={{ fontVariantNumeric: 'tabular-nums' }} {...props}>
        {text}
      </Text>
    );
  }
  const reason = metric.status === 'defined' ? '' : metric.reason;
  if (inline) {
    return (
      <Text span size="sm" c="dimmed" data-metric-status={metric.status}>
        —{' '}
        <Text span size="xs">
          ({reason})
        </Text>
      </Text>
    );
  }
  return (
    <div data-metric-status={metric.status}>
      <Text {...props} c="dimmed">
        —
      </Text>
      <Text size="xs" c="dimmed" mt={2}>
        {reason}
      </Text>
    </div>
  );
}
