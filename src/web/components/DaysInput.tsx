import { NumberInput, type NumberInputProps, Text } from '@mantine/core';

/**
 * A whole number of days (no decimals, no negatives) with "days" shown inside the field; every other
 * NumberInput prop (label, min, max, value, error…) passes through.
 */
export function DaysInput(props: NumberInputProps) {
  return (
    <NumberInput
      allowDecimal={false}
      allowNegative={false}
      rightSection={
        <Text size="xs" c="dimmed" pr={6}>
          days
        </Text>
      }
      rightSectionWidth={44}
      {...props}
    />
  );
}
