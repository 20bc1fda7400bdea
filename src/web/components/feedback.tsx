import { Alert, Button, Center, Loader } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api";
import i18n from "../i18n";

/** The server's message for an error (it names the field and the reason). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "CONFLICT" && error.details.reason === "stale_version")
      return i18n.t("common.conflict");
    return error.message;
  }
  return error instanceof Error ? error.message : i18n.t("common.unknownError");
}

export function ErrorAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} title={t("common.error")} role="alert" mb="md">
      {errorMessage(error)}
      {onReload && (
        <div>
          <Button size="xs" variant="light" color="red" mt="xs" onClick={onReload}>
            {t("common.reload")}
          </Button>
        </div>
      )}
    </Alert>
  );
}

export function PageLoader() {
  return (
    <Center py="xl">
      <Loader />
    </Center>
  );
}

/**
 * Puts the server's field errors on a Mantine form; returns true if any field matched (so that a
 * general message is shown only for the rest).
 */
export function applyFieldErrors(
  form: { setErrors: (e: Record<string, string>) => void },
  error: unknown,
): boolean {
  if (!(error instanceof ApiError) || !error.fields.length) return false;
  form.setErrors(Object.fromEntries(error.fields.map((f) => [f.field, f.message])));
  return true;
}

export function notifySaved(message?: string) {
  notifications.show({ color: "teal", message: message ?? i18n.t("common.saved") });
}
