import { MultiSelect } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, qs } from "../api";

export interface PickedResearcher {
  id: string;
  label: string;
}

/** Researchers of a seed, searched by name on the server; the order of selection is kept (first = lead). */
export function ResearcherPicker({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: PickedResearcher[];
  onChange: (v: PickedResearcher[]) => void;
  error?: string | undefined;
}) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const options = useQuery({
    queryKey: ["researcher-options", debounced],
    queryFn: () =>
      api<{ id: string; nameJa: string | null; nameEn: string | null; institution: string }[]>(
        `/api/researchers/options${qs({ q: debounced })}`,
      ),
  });
  const known = new Map(value.map((v) => [v.id, v.label]));
  for (const o of options.data ?? []) known.set(o.id, `${o.nameJa ?? o.nameEn}（${o.institution}）`);
  return (
    <MultiSelect
      label={label}
      description={description}
      data={[...known].map(([id, l]) => ({ value: id, label: l }))}
      value={value.map((v) => v.id)}
      onChange={(ids) => onChange(ids.map((id) => ({ id, label: known.get(id) ?? id })))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      error={error}
    />
  );
}
