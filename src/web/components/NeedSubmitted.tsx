import {
  ActionIcon,
  Alert,
  Button,
  Card,
  CopyButton,
  Group,
  Stack,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { IconCheck, IconCircleCheck, IconClockHour4, IconCopy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ApiError } from "../api";
import { useFormat } from "../format";
import type { NeedFormResult } from "./NeedForm";

/** A 429 from the public form: what happened and when to try again (from Retry-After). */
export function RateLimitAlert({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const seconds = error.retryAfterSeconds;
  return (
    <Alert color="orange" icon={<IconClockHour4 size={18} />} title={t("needForm.rateLimited")} role="alert">
      <Stack gap={4}>
        {seconds ? (
          <Text size="sm">
            {t("needForm.rateLimitedRetry", {
              time: fmt.dateTime(new Date(Date.now() + seconds * 1000)).slice(-5),
              minutes: Math.ceil(seconds / 60),
            })}
          </Text>
        ) : (
          <Text size="sm">{error.message}</Text>
        )}
        <Text size="sm">{t("needForm.rateLimitedSignIn")}</Text>
      </Stack>
    </Alert>
  );
}

/** The confirmation: the reference number, large and copyable, and where the acknowledgement went. */
export function NeedSubmittedView({ result, onAnother }: { result: NeedFormResult; onAnother?: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="xl" maw={720}>
      <Stack align="flex-start">
        <Group gap="xs" wrap="nowrap">
          <IconCircleCheck size={32} color="var(--mantine-color-teal-7)" aria-hidden />
          <Title order={2}>{t("needForm.submittedTitle")}</Title>
        </Group>
        <div>
          <Text size="sm" c="dimmed" id="need-reference-label">
            {t("needForm.submittedReference")}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Text
              fz={{ base: 32, sm: 44 }}
              fw={800}
              ff="monospace"
              lh={1.2}
              c="indigo.8"
              data-testid="reference-number"
              aria-labelledby="need-reference-label"
            >
              {result.referenceNumber}
            </Text>
            <CopyButton value={result.referenceNumber} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t("common.copied") : t("needForm.submittedCopy")} withArrow>
                  <ActionIcon
                    variant="light"
                    color={copied ? "teal" : "indigo"}
                    size="lg"
                    onClick={copy}
                    aria-label={t("needForm.submittedCopy")}
                  >
                    {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            {t("needForm.submittedKeep")}
          </Text>
        </div>
        {result.email && (
          <Text data-testid="ack-email">{t("needForm.submittedMail", { email: result.email })}</Text>
        )}
        <Text size="sm">{t("needForm.submittedNext")}</Text>
        <Group>
          {result.needId && (
            <Button component={Link} to={`/needs/${result.needId}`}>
              {t("needForm.openNeed")}
            </Button>
          )}
          {onAnother && (
            <Button variant="light" onClick={onAnother}>
              {t("needForm.another")}
            </Button>
          )}
          {!result.needId && (
            <Button variant="subtle" component={Link} to="/catalog">
              {t("needForm.toCatalog")}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
