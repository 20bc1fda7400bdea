/**
 * Pickers of the contract form: an organisation (searched by name on the server, by type) and a researcher
 * (the catalogue's researcher search: the institution's researchers until a name is typed).
 */
import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type Page, qs, type ResearcherCard } from "../api";
import { useFormat } from "../format";
import { useOrganizationOptions } from "../queries";

export function OrganizationSelect({
  label,
  types,
  value,
  valueLabel,
  onChange,
  error,
  withAsterisk,
  "data-testid": testId,
}: {
  label: string;
  types: readonly string[];
  value: string;
  valueLabel: string;
  onChange: (id: string, name: string) => void;
  error?: React.ReactNode;
  withAsterisk?: boolean;
  "data-testid"?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const typing = debounced && debounced !== valueLabel ? debounced : "";
  const options = useOrganizationOptions(types, typing);
  const data = (options.data?.items ?? []).map((o) => ({ value: o.id, label: fmt.orgName(o) }));
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: valueLabel || value });
  return (
    <Select
      label={label}
      data={data}
      value={value || null}
      onChange={(v, option) => onChange(v ?? "", option?.label ?? "")}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={options.isFetching ? t("common.loading") : t("contracts.form.nothingFound")}
      placeholder={t("contracts.form.searchByName")}
      error={error}
      withAsterisk={withAsterisk}
      clearable
      data-testid={testId}
    />
  );
}

export function ResearcherSelect({
  label,
  institutionId,
  value,
  valueLabel,
  onChange,
  error,
  withAsterisk,
}: {
  label: string;
  institutionId: string;
  value: string;
  valueLabel: string;
  onChange: (id: string, label: string) => void;
  error?: React.ReactNode;
  withAsterisk?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const typing = debounced && debounced !== valueLabel ? debounced.trim() : "";
  const options = useQuery({
    queryKey: ["contracts", "researcher-options", typing, typing ? "" : institutionId],
    queryFn: () =>
      api<Page<ResearcherCard>>(
        `/api/catalog/researchers${qs({ q: typing, institution: typing ? "" : institutionId, pageSize: 30 })}`,
      ),
    enabled: !!typing || !!institutionId,
  });
  const name = (r: ResearcherCard) =>
    fmt.locale === "en" ? (r.nameEn ?? r.nameJa ?? "") : (r.nameJa ?? r.nameEn ?? "");
  const data = (options.data?.items ?? []).map((r) => ({
    value: r.id,
    label: `${name(r)}（${fmt.orgName(r.institution)}）`,
  }));
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: valueLabel || value });
  return (
    <Select
      label={label}
      data={data}
      value={value || null}
      onChange={(v, option) => onChange(v ?? "", option?.label ?? "")}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={options.isFetching ? t("common.loading") : t("contracts.form.nothingFound")}
      placeholder={t("contracts.form.searchResearcher")}
      error={error}
      withAsterisk={withAsterisk}
      clearable
    />
  );
}
