import { usePortalBusiness } from "../shared/branding";
import { SignInForm } from "../shared/SignInForm";

export function PortalSignInPage() {
  const business = usePortalBusiness();
  return (
    <SignInForm
      audience="CLIENT"
      intro={`Enter the email address ${business.branding.displayName} has for you and we will email you a link to sign in. No password needed.`}
    />
  );
}
