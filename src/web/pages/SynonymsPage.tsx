/** Coordinators' domain synonyms: words that mean the same in a field, used by matching at once. */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type Synonym } from "../api";
import { ErrorAlert, errorMessage, notifySaved, PageLoader } from "../components/feedback";
import { useFormat } from "../format";

export function SynonymsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const [terms, setTerms] = useState<string[]>([]);
  const [oneWay, setOneWay] = useState(false);
  const [note, setNote] = useState("");
  const query = useQuery({
    queryKey: ["match", "synonyms"],
    queryFn: () => api<Synonym[]>("/api/match/synonyms"),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["match", "synonyms"] });
  const add = useMutation({
    mutationFn: () =>
      api("/api/match/synonyms", {
        method: "POST",
        body: { terms, oneWay, ...(note.trim() ? { note } : {}) },
      }),
    onSuccess: () => {
      setTerms([]);
      setNote("");
      setOneWay(false);
      notifySaved();
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/match/synonyms/${id}`, { method: "DELETE" }),
    onSuccess: () => void refresh(),
  });

  return (
    <Stack maw={1000}>
      <Title order={2}>{t("matching.synonymsTitle")}</Title>
      <Text size="sm" c="dimmed">
        {t("matching.synonymsHelp")}
      </Text>
      <Card withBorder>
        <Stack gap="xs">
          <TagsInput
            label={t("matching.synonymTerms")}
            description={t("matching.synonymTermsHelp")}
            value={terms}
            onChange={setTerms}
            placeholder="バリ, かえり, burr"
            error={add.error ? errorMessage(add.error) : undefined}
          />
          <Checkbox
            label={t("matching.oneWay")}
            checked={oneWay}
            onChange={(e) => setOneWay(e.currentTarget.checked)}
          />
          <TextInput
            label={t("matching.note")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button disabled={terms.length < 2} loading={add.isPending} onClick={() => add.mutate()}>
              {t("matching.addSynonyms")}
            </Button>
          </Group>
        </Stack>
      </Card>
      {query.isLoading && <PageLoader />}
      {query.error && <ErrorAlert error={query.error} />}
      {remove.error && <ErrorAlert error={remove.error} />}
      {query.data?.length === 0 && <Alert color="gray">{t("matching.noSynonyms")}</Alert>}
      {!!query.data?.length && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("matching.synonymTerms")}</Table.Th>
              <Table.Th>{t("matching.note")}</Table.Th>
              <Table.Th>{t("matching.addedBy")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Group gap={4}>
                    {s.terms.map((term, i) => (
                      <Badge key={term} variant={s.oneWay && i === 0 ? "filled" : "light"}>
                        {term}
                      </Badge>
                    ))}
                    {s.oneWay && (
                      <Text size="xs" c="dimmed">
                        {t("matching.oneWayShort")}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{s.note}</Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {s.createdByName} {fmt.date(s.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t("common.delete")}
                    onClick={() => remove.mutate(s.id)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
