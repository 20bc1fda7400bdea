import { Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { NeedForm, type NeedFormMode, type NeedFormResult } from "../components/NeedForm";
import { NeedSubmittedView } from "../components/NeedSubmitted";
import { useMe, usePermissions } from "../session";

const TEXTS: Record<NeedFormMode, { title: string; intro: string }> = {
  public: { title: "needForm.publicTitle", intro: "needForm.publicIntro" },
  company: { title: "needForm.companyTitle", intro: "needForm.companyIntro" },
  partner: { title: "needForm.partnerTitle", intro: "needForm.partnerIntro" },
  staff: { title: "needForm.staffTitle", intro: "needForm.staffIntro" },
};

/**
 * Submitting a need: `/needs/new` without an account (the public form), `/needs/submit` signed in (the
 * company's own, a referral partner's client's, or one taken by staff at intake).
 */
export function NeedSubmitPage({ publicForm = false }: { publicForm?: boolean }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const can = usePermissions();
  const qc = useQueryClient();
  const [result, setResult] = useState<NeedFormResult | null>(null);
  const [round, setRound] = useState(0);

  // Signed in with the right to submit: the signed-in form (the need is then linked to the account).
  if (publicForm && me && can("needs:submit")) return <Navigate to="/needs/submit" replace />;
  const role = me?.user.role;
  const mode: NeedFormMode = publicForm
    ? "public"
    : role === "company_member"
      ? "company"
      : role === "referral_partner"
        ? "partner"
        : "staff";

  const done = (r: NeedFormResult) => {
    setResult(r);
    if (r.needId) void qc.invalidateQueries({ queryKey: ["needs"] });
    window.scrollTo({ top: 0 });
  };

  if (result) {
    return (
      <NeedSubmittedView
        result={result}
        onAnother={() => {
          setResult(null);
          setRound((n) => n + 1);
        }}
      />
    );
  }
  return (
    <Stack maw={900}>
      <div>
        <Title order={2}>{t(TEXTS[mode].title)}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t(TEXTS[mode].intro)}
        </Text>
      </div>
      <NeedForm key={round} mode={mode} onSubmitted={done} />
    </Stack>
  );
}
