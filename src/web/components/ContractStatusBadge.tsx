import { Badge } from "@mantine/core";
import { CONTRACT_STATUS_LABELS } from "../../server/modules/contracts/codes";
import { lbl, STATUS_COLOR } from "../contracts";
import { useFormat } from "../format";

/** A contract's status in its own colour (中止: grey outline). */
export function ContractStatusBadge({ status, size }: { status: string; size?: "sm" | "md" | "lg" }) {
  const fmt = useFormat();
  return (
    <Badge
      color={STATUS_COLOR[status as keyof typeof STATUS_COLOR] ?? "gray"}
      variant={status === "cancelled" ? "outline" : "filled"}
      size={size}
      miw="max-content"
      data-testid="contract-status"
    >
      {lbl(CONTRACT_STATUS_LABELS, status, fmt.locale)}
    </Badge>
  );
}
