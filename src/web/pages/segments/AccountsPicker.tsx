import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useAccountList } from '../../api/accounts-api';

/** An account picked for a list. */
export interface PickedAccount {
  id: string;
  name: string;
}

/**
 * Picks several accounts by searching the server's accounts list by name, domain or id (20 at a time,
 * 250 ms after the last key), so it works with any number of accounts.
 */
export function AccountsPicker({
  value,
  onChange,
  error,
}: {
  value: PickedAccount[];
  onChange: (accounts: PickedAccount[]) => void;
  error?: string;
}) {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const accounts = useAccountList({ q: debouncedSearch.trim(), pageSize: 20, sort: 'name' });
  const known = new Map(value.map((account) => [account.id, account.name]));
  for (const account of accounts.data?.items ?? []) known.set(account.id, account.name);
  const data = [...known].map(([id, name]) => ({ value: id, label: name }));
  return (
    <MultiSelect
      label="Accounts to add"
      description="Search by name, domain or id; pick as many as you like"
      placeholder={value.length === 0 ? 'Type to search accounts' : undefined}
      searchable
      data={data}
      value={value.map((account) => account.id)}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(ids) => onChange(ids.map((id) => ({ id, name: known.get(id) ?? id })))}
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
      hidePickedOptions
      flex={1}
    />
  );
}
