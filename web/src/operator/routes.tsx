import type { RouteObject } from "react-router";
import { ConfirmSignInPage } from "../shared/ConfirmSignInPage";
import { lazyRoute } from "../shared/lazyRoute";
import { NotFound } from "../shared/NotFoundPage";
import { RequireViewer } from "../shared/viewer";
import { BusinessPage } from "./BusinessPage";
import { BusinessesPage } from "./BusinessesPage";
import { CreateBusinessPage } from "./CreateBusinessPage";
import { OperatorFrame } from "./OperatorFrame";
import { OperatorSignInPage } from "./OperatorSignInPage";

/** The platform operator's console: every business, their branding and host names; events no section could handle. */
export const operatorRoutes: RouteObject = {
  path: "/operator",
  element: <OperatorFrame />,
  children: [
    { path: "sign-in", element: <OperatorSignInPage /> },
    { path: "auth/confirm", element: <ConfirmSignInPage /> },
    {
      element: <RequireViewer kind="OPERATOR" signInPath="/operator/sign-in" />,
      children: [
        { index: true, element: <BusinessesPage /> },
        { path: "businesses/new", element: <CreateBusinessPage /> },
        { path: "businesses/:businessId", element: <BusinessPage /> },
        {
          path: "dead-letters",
          ...lazyRoute(
            () => import("./DeadLettersPage"),
            ({ DeadLettersPage }) => <DeadLettersPage />,
          ),
        },
        { path: "*", element: <NotFound homePath="/operator" homeLabel="Go to the operator console" /> },
      ],
    },
  ],
};
