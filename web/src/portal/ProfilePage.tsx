import { ProfileDetailsForm } from "./ProfileDetailsForm";
import { EmailChangeForm } from "./EmailChangeForm";
import { useViewer } from "../shared/viewer";

export function ProfilePage() {
  const viewer = useViewer();
  const contact = viewer.contact;
  if (!contact) return null;
  return (
    <>
      <h1>Your profile</h1>
      <ProfileDetailsForm contact={contact} />
      <EmailChangeForm currentEmail={contact.email} />
    </>
  );
}
