import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { APPLICATION_COLOR, type CallPhase, PHASE_COLOR } from "../opencalls";

/**
 * A call's phase. The public sees 受付中 / 締切済み only; the centre also 下書き, 受付終了 (closed early) and
 * 契約済み.
 */
export function PhaseBadge({ phase, staff = false }: { phase: CallPhase; staff?: boolean }) {
  const { t } = useTranslation();
  const shown: CallPhase = staff ? phase : phase === "open" ? "open" : "ended";
  return (
    <Badge
      color={PHASE_COLOR[shown]}
      variant={shown === "open" ? "filled" : "light"}
      data-testid="call-phase"
    >
      {t(`opencalls.phases.${shown}`)}
    </Badge>
  );
}

export function ApplicationStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={APPLICATION_COLOR[status] ?? "gray"} variant="light" data-testid="application-status">
      {t(`opencalls.applicationStatuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}
