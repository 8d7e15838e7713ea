import { SignInForm } from "../shared/SignInForm";

export function OperatorSignInPage() {
  return (
    <div className="narrow">
      <SignInForm audience="OPERATOR" intro="Platform operators: enter your email and we will send you a sign-in link." />
    </div>
  );
}
