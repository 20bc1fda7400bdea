import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconFileCertificate } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { addDays, fiscalYearOf, fiscalYearRange, todayJst } from "../../shared/dates";
import { ApiError, api } from "../api";
import { useFormat } from "../format";
import { type CallApplication, contractTypeLabel, type StaffCall, yen } from "../opencalls";
import { errorMessage } from "./feedback";

interface Made {
  id: string;
  number: string;
}

/** The contract made from the call: its number (read from the contract) and a link to it. */
function MadeContract({ contractId, made }: { contractId: string; made: Made | null }) {
  const { t } = useTranslation();
  const contract = useQuery({
    queryKey: ["opencalls", "contract", contractId],
    queryFn: () => api<{ id: string; number: string; status: string }>(`/api/contracts/${contractId}`),
    enabled: !made,
    retry: false,
  });
  const number = made?.number ?? contract.data?.number ?? null;
  return (
    <Alert color="indigo" icon={<IconFileCertificate size={20} />} title={t("opencalls.contract.made")}>
      <Stack gap="xs">
        {number && (
          <Text size="sm">
            {t("opencalls.contract.number")}{" "}
            <Text span ff="monospace" fw={700} size="lg" data-testid="contract-number">
              {number}
            </Text>
          </Text>
        )}
        <Text size="sm">{t("opencalls.contract.madeNext")}</Text>
        <div>
          <Button component={Link} to={`/contracts/${contractId}`} data-testid="contract-link">
            {t("opencalls.contract.open")}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}

/**
 * The last step: once every application is decided, the accepted companies become the member parties of
 * one contract (the call's type, at its institution).
 */
export function OpenCallContract({
  call,
  applications,
  decidable,
}: {
  call: StaffCall;
  applications: CallApplication[];
  decidable: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const today = todayJst();
  const [startDate, setStartDate] = useState(today);
  const [endDate, setEndDate] = useState(fiscalYearRange(fiscalYearOf(addDays(today, 90))).end);
  const [title, setTitle] = useState(call.title);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [made, setMade] = useState<Made | null>(null);

  const contractId = made?.id ?? call.contractId;
  if (contractId) return <MadeContract contractId={contractId} made={made} />;

  const undecided = applications.filter((a) => a.status === "submitted").length;
  const accepted = applications.filter((a) => a.status === "accepted");
  const ready = decidable && applications.length > 0 && undecided === 0 && accepted.length > 0;

  const make = async () => {
    const e: Record<string, string> = {};
    if (!startDate) e.startDate = t("opencalls.apply.required");
    if (!endDate) e.endDate = t("opencalls.apply.required");
    else if (startDate && endDate < startDate) e.endDate = t("opencalls.contract.endBeforeStart");
    setErrors(e);
    if (Object.keys(e).length) return;
    setError(null);
    setSaving(true);
    try {
      const r = await api<Made>(`/api/open-calls/${call.id}/contract`, {
        method: "POST",
        body: { startDate, endDate, ...(title.trim() ? { title: title.trim() } : {}), version: call.version },
      });
      setMade(r);
      await qc.invalidateQueries({ queryKey: ["opencalls"] });
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        const known = ["startDate", "endDate", "title"];
        setErrors(
          Object.fromEntries(
            err.fields.filter((f) => known.includes(f.field)).map((f) => [f.field, f.message]),
          ),
        );
        const rest = err.fields.filter((f) => !known.includes(f.field));
        if (rest.length) setError(rest.map((f) => `${f.field}: ${f.message}`).join("; "));
      } else setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card withBorder padding="lg" data-testid="call-contract">
      <Stack>
        <Title order={3} size="h4">
          {t("opencalls.contract.title")}
        </Title>
        {!ready ? (
          <Text size="sm" c="dimmed" data-testid="contract-not-ready">
            {!decidable
              ? t("opencalls.contract.notYetClosed")
              : applications.length === 0
                ? t("opencalls.contract.noApplications")
                : undecided > 0
                  ? t("opencalls.contract.undecided", { count: undecided })
                  : t("opencalls.contract.noneAccepted")}
          </Text>
        ) : (
          <>
            <Text size="sm">
              {t("opencalls.contract.intro", {
                type: contractTypeLabel(call.contractType, fmt.locale),
                count: accepted.length,
                total: yen(
                  accepted.reduce((s, a) => s + a.contribution, 0),
                  fmt.locale,
                ),
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {accepted.map((a) => a.company).join("、")}
            </Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t("opencalls.contract.contractTitle")}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={300}
              error={errors.title}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} maw={520}>
              <TextInput
                type="date"
                label={t("opencalls.contract.startDate")}
                required
                value={startDate}
                onChange={(e) => setStartDate(e.currentTarget.value)}
                error={errors.startDate}
              />
              <TextInput
                type="date"
                label={t("opencalls.contract.endDate")}
                required
                value={endDate}
                onChange={(e) => setEndDate(e.currentTarget.value)}
                error={errors.endDate}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t("opencalls.contract.afterwards")}
            </Text>
            <Group justify="flex-end">
              <Button leftSection={<IconFileCertificate size={16} />} onClick={make} loading={saving}>
                {t("opencalls.contract.make")}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
