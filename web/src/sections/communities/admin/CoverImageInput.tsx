import { CoverImageEditor } from "../../../shared/CoverImageEditor";
import { IMAGE_TYPES, uploadCommunityImage } from "../shared/uploadImage";

/** The group's cover image: uploaded through the file relay, with progress; replaces the previous one. */
export function CoverImageInput({
  group,
  onChanged,
}: {
  group: { id: string; name: string; coverImageUrl: string | null };
  onChanged?: () => void;
}) {
  return (
    <CoverImageEditor
      currentUrl={group.coverImageUrl}
      ownerName={group.name}
      hint="PNG, JPEG or WebP, at most 5 MB. A wide image (about 3:1) looks best."
      accept={IMAGE_TYPES.join(",")}
      className="community-cover-editor"
      imageClassName="community-cover"
      upload={(file, onProgress) => uploadCommunityImage(`groups/${group.id}/cover`, file, onProgress)}
      onChanged={onChanged}
    />
  );
}
