import { Badge } from "@mantine/core";
import { IconLock, IconLockOpen, IconUserCheck, IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { NdaStatus, NeedConfidentiality, NeedStatus } from "../../server/modules/needs/codes";

const CONFIDENTIALITY: Record<NeedConfidentiality, { color: string; icon: typeof IconLock }> = {
  public_summary: { color: "teal", icon: IconLockOpen },
  members: { color: "blue", icon: IconUsers },
  coordinators: { color: "gray", icon: IconLock },
  named: { color: "violet", icon: IconUserCheck },
};

/** Who may read a need, as a badge with an icon (colour is never the only cue). */
export function ConfidentialityBadge({ value }: { value: NeedConfidentiality }) {
  const { t } = useTranslation();
  const c = CONFIDENTIALITY[value];
  return (
    <Badge variant="light" color={c.color} leftSection={<c.icon size={12} />} miw="max-content">
      {t(`need.confidentialities.${value}`)}
    </Badge>
  );
}

const STATUS_COLOR: Record<NeedStatus, string> = { received: "orange", screening: "blue", closed: "gray" };

export function NeedStatusBadge({ value }: { value: NeedStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={STATUS_COLOR[value]} miw="max-content">
      {t(`need.statuses.${value}`)}
    </Badge>
  );
}

const NDA_COLOR: Record<NdaStatus, string> = { none: "gray", requested: "yellow", signed: "teal" };

export function NdaBadge({ value }: { value: NdaStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={NDA_COLOR[value]} miw="max-content">
      {t("need.ndaStatus")}: {t(`need.ndaStatuses.${value}`)}
    </Badge>
  );
}
