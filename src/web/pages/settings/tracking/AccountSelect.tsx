import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useAccountList } from '../../../api/accounts-api';

/** An account the mapping goes to, as picked from the search. */
export interface PickedAccount {
  id: string;
  name: string;
}

/** The label of an account in the picker: its name, and its external id when it has one. */
function accountLabel(account: { name: string; externalId: string | null }): string {
  return account.externalId ? `${account.name} (${account.externalId})` : account.name;
}

/**
 * A searchable account picker: typing searches the server's accounts list by name, domain or id (20 at a
 * time, 250 ms after the last key), so it works with any number of accounts.
 */
export function AccountSelect({
  value,
  onChange,
  error,
}: {
  value: PickedAccount | null;
  onChange: (account: PickedAccount | null) => void;
  error?: string;
}) {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  // Once an account is picked the box shows its label; do not search for that label.
  const query = value !== null ? '' : debouncedSearch.trim();
  const accounts = useAccountList({ q: query, pageSize: 20, sort: 'name' });
  const items = accounts.data?.items ?? [];
  const data = items.map((account) => ({ value: account.id, label: accountLabel(account) }));
  if (value !== null && !data.some((option) => option.value === value.id)) {
    data.unshift({ value: value.id, label: value.name });
  }

  return (
    <Select
      label="Account"
      description="Search by name, domain or id"
      placeholder="Type to search accounts"
      searchable
      required
      data={data}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        if (!id || !option) return onChange(null);
        const account = items.find((item) => item.id === id);
        onChange({ id, name: account?.name ?? option.label });
      }}
      filter={({ options }) => options}
      nothingFoundMessage={
        accounts.isFetching
          ? 'Searching…'
          : accounts.isError
            ? 'Could not search accounts'
            : 'No account matches'
      }
      error={error}
      clearable
      data-autofocus
    />
  );
}
