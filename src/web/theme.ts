import { Badge, createTheme } from "@mantine/core";

// Fonts that render Japanese well on Windows, macOS and Linux, before the Latin fallbacks.
export const theme = createTheme({
  primaryColor: "indigo",
  fontFamily:
    '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Yu Gothic", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontWeight: "700" },
  defaultRadius: "sm",
  components: {
    // Badges carry names ("Shinkin bank", "FY2026 (Reiwa 8)"): keep their case.
    Badge: Badge.extend({ styles: { root: { textTransform: "none" } } }),
  },
});
