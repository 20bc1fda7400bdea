import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Menu,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconDownload, IconFileImport } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, apiUpload } from "../api";
import { ErrorAlert } from "../components/feedback";
import { useFormat } from "../format";

interface Problem {
  line: number;
  field: string | null;
  message: string;
}
interface Job {
  id: string;
  kind: "researchers" | "seeds";
  format: string;
  fileName: string;
  dryRun: boolean;
  partial: boolean;
  status: "running" | "succeeded" | "rejected" | "failed";
  progress: { phase: string; done: number; total: number };
  report: {
    total?: number;
    created?: number;
    updated?: number;
    unchanged?: number;
    rejected?: number;
    applied?: boolean;
    problems?: Problem[];
    warnings?: Problem[];
    notes?: string[];
    message?: string;
  } | null;
  createdAt: string;
  finishedAt: string | null;
}

const STATUS_COLOR = { running: "blue", succeeded: "teal", rejected: "orange", failed: "red" } as const;

function ProblemTable({ title, problems, color }: { title: string; problems: Problem[]; color: string }) {
  const { t } = useTranslation();
  if (!problems.length) return null;
  return (
    <div>
      <Text fw={600} c={color} size="sm" mb={4}>
        {title} ({problems.length})
      </Text>
      <Table striped withTableBorder fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t("imports.line")}</Table.Th>
            <Table.Th w={160}>{t("imports.field")}</Table.Th>
            <Table.Th>{t("imports.message")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.slice(0, 200).map((p) => (
            <Table.Tr key={`${p.line}-${p.field}-${p.message}`}>
              <Table.Td>{p.line}</Table.Td>
              <Table.Td>{p.field ?? "—"}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function JobView({ job }: { job: Job }) {
  const { t } = useTranslation();
  const r = job.report;
  const pct = job.progress.total ? Math.round((job.progress.done / job.progress.total) * 100) : 0;
  return (
    <Card withBorder data-testid="import-job">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>
          {job.fileName} <Badge variant="light">{t(`imports.${job.kind}`)}</Badge>{" "}
          {job.dryRun && <Badge color="gray">{t("imports.dryRun").split("（")[0]?.split(" (")[0]}</Badge>}
        </Text>
        <Badge color={STATUS_COLOR[job.status]} data-testid="import-status">
          {t(`imports.status.${job.status}`)}
        </Badge>
      </Group>
      {job.status === "running" && (
        <Stack gap={4}>
          <Text size="sm">
            {t(`imports.phase.${job.progress.phase}`, { defaultValue: job.progress.phase })}{" "}
            {job.progress.done} / {job.progress.total}
          </Text>
          <Progress value={pct} animated aria-label={t("imports.running")} />
        </Stack>
      )}
      {r && job.status !== "running" && (
        <Stack gap="sm">
          {r.total !== undefined && (
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {(["created", "updated", "unchanged", "rejected"] as const).map((k) => (
                <div key={k}>
                  <Text size="xs" c="dimmed">
                    {t(`imports.${k}`)}
                  </Text>
                  <Text fw={700} data-testid={`import-${k}`}>
                    {r[k] ?? 0}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          )}
          {job.dryRun && <Alert color="gray">{t("imports.dryRunDone")}</Alert>}
          {(r.notes ?? []).map((n) => (
            <Text key={n} size="sm" c="dimmed">
              {n}
            </Text>
          ))}
          {job.status === "rejected" && <Alert color="orange">{t("imports.notApplied")}</Alert>}
          {job.status === "failed" && <Alert color="red">{r.message}</Alert>}
          <ProblemTable title={t("imports.problems")} problems={r.problems ?? []} color="red" />
          <ProblemTable title={t("imports.warnings")} problems={r.warnings ?? []} color="orange" />
          {(r.problems?.length ?? 0) > 0 && (
            <Anchor href={`/api/imports/${job.id}/problems.csv`} size="sm">
              {t("imports.downloadRejected")}
            </Anchor>
          )}
        </Stack>
      )}
    </Card>
  );
}

export function ImportsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [kind, setKind] = useState<"researchers" | "seeds">("researchers");
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<string | null>(null);
  const [encoding, setEncoding] = useState<string>("auto");
  const [institution, setInstitution] = useState("");
  const [dryRun, setDryRun] = useState(true);
  const [partial, setPartial] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const jobs = useQuery({ queryKey: ["imports"], queryFn: () => api<Job[]>("/api/imports") });
  const job = useQuery({
    queryKey: ["imports", current],
    queryFn: () => api<Job>(`/api/imports/${current}`),
    enabled: !!current,
    refetchInterval: (q) => (q.state.data?.status === "running" || !q.state.data ? 500 : false),
  });

  const start = async () => {
    if (!file) return;
    setError(null);
    const fd = new FormData();
    fd.set("file", file);
    fd.set("kind", kind);
    if (format) fd.set("format", format);
    fd.set("encoding", encoding);
    if (institution) fd.set("institution", institution);
    fd.set("dryRun", String(dryRun));
    fd.set("partial", String(partial));
    try {
      const { id } = await apiUpload<{ id: string }>("/api/imports", fd);
      setCurrent(id);
      await qc.invalidateQueries({ queryKey: ["imports"] });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t("imports.title")}</Title>
        <Menu>
          <Menu.Target>
            <Button variant="default" leftSection={<IconDownload size={16} />}>
              {t("imports.export")}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {(["seeds", "researchers"] as const).map((k) => (
              <div key={k}>
                <Menu.Label>
                  {t(k === "seeds" ? "imports.exportSeeds" : "imports.exportResearchers")}
                </Menu.Label>
                {["xlsx", "csv", "jsonl"].map((f) => (
                  <Menu.Item key={f} component="a" href={`/api/exports/${k}?format=${f}`}>
                    {f === "xlsx" ? "Excel (.xlsx)" : f.toUpperCase()}
                  </Menu.Item>
                ))}
              </div>
            ))}
            <Menu.Divider />
            <Menu.Label>{t("imports.template")}</Menu.Label>
            <Menu.Item component="a" href="/api/imports/templates/researchers">
              {t("imports.researchers")}
            </Menu.Item>
            <Menu.Item component="a" href="/api/imports/templates/seeds">
              {t("imports.seeds")}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Text size="sm" c="dimmed">
        {t("imports.intro")}
      </Text>
      <Card withBorder>
        <Stack>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t("imports.kind")}
            </Text>
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v as "researchers" | "seeds")}
              data={[
                { value: "researchers", label: t("imports.researchers") },
                { value: "seeds", label: t("imports.seeds") },
              ]}
            />
          </div>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <FileInput
              label={t("imports.file")}
              value={file}
              onChange={setFile}
              accept=".jsonl,.ndjson,.csv,.json,.txt"
              clearable
              leftSection={<IconFileImport size={16} />}
            />
            <Select
              label={t("imports.format")}
              placeholder={t("imports.formatAuto")}
              data={[
                { value: "jsonl", label: "JSONL" },
                { value: "csv", label: "CSV" },
                ...(kind === "researchers" ? [{ value: "researchmap", label: "researchmap (JSON-LD)" }] : []),
              ]}
              value={format}
              onChange={setFormat}
              clearable
            />
            <Select
              label={t("imports.encoding")}
              data={[
                { value: "auto", label: t("imports.encodingAuto") },
                { value: "utf8", label: "UTF-8" },
                { value: "sjis", label: "Shift_JIS" },
              ]}
              value={encoding}
              onChange={(v) => setEncoding(v ?? "auto")}
              allowDeselect={false}
            />
          </SimpleGrid>
          {kind === "researchers" && (format === "researchmap" || file?.name.endsWith(".json")) && (
            <TextInput
              label={t("imports.institution")}
              placeholder="tut / kosen-nagaoka"
              value={institution}
              onChange={(e) => setInstitution(e.currentTarget.value)}
            />
          )}
          <Checkbox
            label={t("imports.dryRun")}
            checked={dryRun}
            onChange={(e) => setDryRun(e.currentTarget.checked)}
          />
          <Checkbox
            label={t("imports.partial")}
            checked={partial}
            onChange={(e) => setPartial(e.currentTarget.checked)}
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button onClick={() => void start()} disabled={!file || job.data?.status === "running"}>
              {t("imports.start")}
            </Button>
          </Group>
        </Stack>
      </Card>
      {job.data && <JobView job={job.data} />}
      {(jobs.data?.length ?? 0) > 0 && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t("imports.history")}
          </Text>
          <Table fz="sm" highlightOnHover>
            <Table.Tbody>
              {jobs.data?.map((j) => (
                <Table.Tr key={j.id} className="kyoso-row-link" onClick={() => setCurrent(j.id)}>
                  <Table.Td className="kyoso-nowrap">{fmt.dateTime(j.createdAt)}</Table.Td>
                  <Table.Td>{j.fileName}</Table.Td>
                  <Table.Td>{t(`imports.${j.kind}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[j.status]} variant="light">
                      {t(`imports.status.${j.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {j.report?.created !== undefined
                      ? `+${j.report.created} / ~${j.report.updated ?? 0} / ✕${j.report.rejected ?? 0}`
                      : ""}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
