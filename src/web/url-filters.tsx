/**
 * Filters kept in the page's URL (so that a filtered list can be bookmarked, shared and saved): read one,
 * change several at once (any change but the page goes back to page 1), and the search text as it is
 * typed, sent on Enter or when the box loses focus.
 */
import { TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { type CSSProperties, type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? "";
  const [text, setText] = useState(get("q"));
  useEffect(() => setText(params.get("q") ?? ""), [params]);
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set({ q: text.trim() });
  };
  return { params, setParams, get, set, text, setText, submit };
}

/** The search box of a filtered page. */
export function FilterSearch({
  filters,
  placeholder,
  style,
}: {
  filters: ReturnType<typeof useUrlFilters>;
  placeholder: string;
  style: CSSProperties;
}) {
  const { t } = useTranslation();
  const { text, setText, get, set, submit } = filters;
  return (
    <form onSubmit={submit} style={style}>
      <TextInput
        aria-label={t("common.search")}
        placeholder={placeholder}
        leftSection={<IconSearch size={16} />}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={() => text.trim() !== get("q") && set({ q: text.trim() })}
      />
    </form>
  );
}
