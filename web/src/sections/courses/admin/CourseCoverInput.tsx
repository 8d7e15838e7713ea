import { CoverImageEditor } from "../../../shared/CoverImageEditor";
import { COVER_TYPES, MAX_COVER_BYTES, uploadCourseFile } from "../shared/uploadCourseFile";

/** The course's cover image: uploaded through the file relay with progress; replaces the previous one. */
export function CourseCoverInput({
  course,
  onChanged,
}: {
  course: { id: string; title: string; coverImageUrl?: string | null };
  onChanged: () => void;
}) {
  return (
    <CoverImageEditor
      currentUrl={course.coverImageUrl}
      ownerName={course.title}
      hint="PNG, JPEG or WebP, at most 5 MB. About 16:9 looks best."
      accept={COVER_TYPES.join(",")}
      className="course-cover-editor"
      imageClassName="course-cover-preview"
      upload={(file, onProgress) =>
        uploadCourseFile(`courses/${course.id}/cover`, file, { types: COVER_TYPES, maxBytes: MAX_COVER_BYTES }, onProgress)
      }
      onChanged={onChanged}
    />
  );
}
