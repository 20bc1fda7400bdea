import { Center, Loader } from "@mantine/core";
import type { ReactNode } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { AppLayout } from "./components/AppLayout";
import { PublicLayout } from "./components/PublicLayout";
import { AccountPage } from "./pages/AccountPage";
import { AuditPage } from "./pages/AuditPage";
import { CaseBoardPage } from "./pages/CaseBoardPage";
import { CaseListPage } from "./pages/CaseListPage";
import { CasePage } from "./pages/CasePage";
import { CatalogPage } from "./pages/CatalogPage";
import { ContractEditPage } from "./pages/ContractEditPage";
import { ContractListPage } from "./pages/ContractListPage";
import { ContractPage } from "./pages/ContractPage";
import { ContractSettingsPage } from "./pages/ContractSettingsPage";
import { HomePage } from "./pages/HomePage";
import { ImportsPage } from "./pages/ImportsPage";
import { InquiriesPage } from "./pages/InquiriesPage";
import { InvitePage } from "./pages/InvitePage";
import { InvoicesPage } from "./pages/InvoicesPage";
import { KpiDashboardPage } from "./pages/KpiDashboardPage";
import { KpiRowsPage } from "./pages/KpiRowsPage";
import { KpiSnapshotPage } from "./pages/KpiSnapshotPage";
import { LoginPage } from "./pages/LoginPage";
import { NeedDetailPage } from "./pages/NeedDetailPage";
import { NeedListPage } from "./pages/NeedListPage";
import { NeedSubmitPage } from "./pages/NeedSubmitPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { OpenCallEditPage } from "./pages/OpenCallEditPage";
import { OpenCallListPage } from "./pages/OpenCallListPage";
import { OpenCallManagePage } from "./pages/OpenCallManagePage";
import { OpenCallMinePage } from "./pages/OpenCallMinePage";
import { OpenCallPage } from "./pages/OpenCallPage";
import { OpenCallReviewPage } from "./pages/OpenCallReviewPage";
import { OrganizationDetailPage } from "./pages/OrganizationDetailPage";
import { OrganizationsPage } from "./pages/OrganizationsPage";
import { OutboxPage } from "./pages/OutboxPage";
import { ProfileEditPage } from "./pages/ProfileEditPage";
import { ReferralsPage } from "./pages/ReferralsPage";
import { ResearcherListPage } from "./pages/ResearcherListPage";
import { ResearcherPage } from "./pages/ResearcherPage";
import { SeedEditPage } from "./pages/SeedEditPage";
import { SeedListPage } from "./pages/SeedListPage";
import { SeedPage } from "./pages/SeedPage";
import { StageListsPage } from "./pages/StageListsPage";
import { SynonymsPage } from "./pages/SynonymsPage";
import { UsersPage } from "./pages/UsersPage";
import { useMe, usePermissions } from "./session";

function RequireSignIn({ children }: { children: ReactNode }) {
  const { data: me, isLoading } = useMe();
  const location = useLocation();
  if (isLoading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (!me)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.user.mustChangePassword && location.pathname !== "/account")
    return <Navigate to="/account" replace />;
  return <AppLayout>{children}</AppLayout>;
}

function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const can = usePermissions();
  return can(permission) ? children : <NotFoundPage />;
}

/** A page for signed-in users, optionally needing a permission (else "not found"). */
function signedIn(page: ReactNode, permission?: string) {
  return (
    <RequireSignIn>
      {permission ? <RequirePermission permission={permission}>{page}</RequirePermission> : page}
    </RequireSignIn>
  );
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/catalog"
        element={
          <PublicLayout>
            <CatalogPage />
          </PublicLayout>
        }
      />
      <Route
        path="/catalog/seeds/:id"
        element={
          <PublicLayout>
            <SeedPage />
          </PublicLayout>
        }
      />
      <Route
        path="/catalog/researchers/:id"
        element={
          <PublicLayout>
            <ResearcherPage />
          </PublicLayout>
        }
      />
      <Route
        path="/needs/new"
        element={
          <PublicLayout>
            <NeedSubmitPage publicForm />
          </PublicLayout>
        }
      />
      <Route
        path="/open-calls"
        element={
          <PublicLayout>
            <OpenCallListPage />
          </PublicLayout>
        }
      />
      <Route
        path="/open-calls/:id"
        element={
          <PublicLayout>
            <OpenCallPage />
          </PublicLayout>
        }
      />
      <Route path="/invite/:token" element={<InvitePage />} />
      <Route
        path="/"
        element={
          <RequireSignIn>
            <HomePage />
          </RequireSignIn>
        }
      />
      <Route
        path="/organizations"
        element={
          <RequireSignIn>
            <OrganizationsPage />
          </RequireSignIn>
        }
      />
      <Route
        path="/organizations/:id"
        element={
          <RequireSignIn>
            <OrganizationDetailPage />
          </RequireSignIn>
        }
      />
      <Route
        path="/admin/users"
        element={
          <RequireSignIn>
            <RequirePermission permission="users:read">
              <UsersPage />
            </RequirePermission>
          </RequireSignIn>
        }
      />
      <Route
        path="/admin/audit"
        element={
          <RequireSignIn>
            <RequirePermission permission="audit:read">
              <AuditPage />
            </RequirePermission>
          </RequireSignIn>
        }
      />
      <Route
        path="/account"
        element={
          <RequireSignIn>
            <AccountPage />
          </RequireSignIn>
        }
      />
      <Route path="/my/profile" element={signedIn(<ProfileEditPage mine />)} />
      <Route path="/seeds" element={signedIn(<SeedListPage />, "seeds:update")} />
      <Route path="/seeds/new" element={signedIn(<SeedEditPage />, "seeds:create")} />
      <Route path="/seeds/:id/edit" element={signedIn(<SeedEditPage />, "seeds:update")} />
      <Route path="/researchers" element={signedIn(<ResearcherListPage />, "researchers:list")} />
      <Route path="/researchers/new" element={signedIn(<ProfileEditPage />, "researchers:list")} />
      <Route path="/researchers/:id/edit" element={signedIn(<ProfileEditPage />, "researchers:update")} />
      <Route path="/admin/imports" element={signedIn(<ImportsPage />, "catalog:import")} />
      <Route path="/needs" element={signedIn(<NeedListPage />)} />
      <Route path="/needs/submit" element={signedIn(<NeedSubmitPage />, "needs:submit")} />
      <Route path="/needs/:id" element={signedIn(<NeedDetailPage />)} />
      <Route path="/open-calls/mine" element={signedIn(<OpenCallMinePage />, "opencalls:apply")} />
      <Route path="/open-calls/manage" element={signedIn(<OpenCallManagePage />, "opencalls:manage")} />
      <Route
        path="/open-calls/manage/new"
        element={signedIn(<OpenCallEditPage key="new" />, "opencalls:manage")}
      />
      <Route path="/open-calls/manage/:id" element={signedIn(<OpenCallReviewPage />, "opencalls:manage")} />
      <Route
        path="/open-calls/manage/:id/edit"
        element={signedIn(<OpenCallEditPage key="edit" />, "opencalls:manage")}
      />
      <Route path="/admin/mail" element={signedIn(<OutboxPage />, "mail:read")} />
      <Route path="/inquiries" element={signedIn(<InquiriesPage />, "inquiries:answer")} />
      <Route path="/admin/synonyms" element={signedIn(<SynonymsPage />, "match:synonyms")} />
      <Route path="/cases" element={signedIn(<CaseListPage />, "cases:read")} />
      <Route path="/cases/board" element={signedIn(<CaseBoardPage />, "cases:read")} />
      <Route path="/cases/:id" element={signedIn(<CasePage />, "cases:read")} />
      <Route path="/referrals" element={signedIn(<ReferralsPage />, "cases:progress")} />
      <Route path="/admin/stages" element={signedIn(<StageListsPage />, "cases:configure")} />
      <Route path="/contracts" element={signedIn(<ContractListPage />, "contracts:read")} />
      <Route
        path="/contracts/new"
        element={signedIn(<ContractEditPage mode="create" />, "contracts:manage")}
      />
      <Route path="/contracts/settings" element={signedIn(<ContractSettingsPage />, "contracts:configure")} />
      <Route path="/contracts/:id" element={signedIn(<ContractPage />, "contracts:read")} />
      <Route
        path="/contracts/:id/edit"
        element={signedIn(<ContractEditPage mode="edit" />, "contracts:manage")}
      />
      <Route
        path="/contracts/:id/amend"
        element={signedIn(<ContractEditPage mode="amend" />, "contracts:manage")}
      />
      <Route path="/invoices" element={signedIn(<InvoicesPage />, "contracts:read")} />
      <Route path="/kpi" element={signedIn(<KpiDashboardPage />, "kpi:read")} />
      <Route path="/kpi/rows" element={signedIn(<KpiRowsPage />, "kpi:read")} />
      <Route path="/kpi/snapshots/:fy" element={signedIn(<KpiSnapshotPage />, "kpi:read")} />
      <Route
        path="*"
        element={
          <RequireSignIn>
            <NotFoundPage />
          </RequireSignIn>
        }
      />
    </Routes>
  );
}
