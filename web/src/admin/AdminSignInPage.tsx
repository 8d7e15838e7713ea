import { usePortalBusiness } from "../shared/branding";
import { SignInForm } from "../shared/SignInForm";

export function AdminSignInPage() {
  const business = usePortalBusiness();
  return (
    <SignInForm
      audience="STAFF"
      intro={`Staff of ${business.branding.displayName}: enter your work email and we will email you a sign-in link.`}
    />
  );
}
