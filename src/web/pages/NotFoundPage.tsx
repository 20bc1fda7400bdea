import { Button, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <Title order={2}>{t("common.notFound")}</Title>
      <Button component={Link} to="/" variant="light">
        {t("common.backHome")}
      </Button>
    </Stack>
  );
}
