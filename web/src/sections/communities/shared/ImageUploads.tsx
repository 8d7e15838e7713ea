import { useRef, useState } from "react";
import { MAX_POST_IMAGES, uploadCommunityImage, type UploadedImage } from "./uploadImage";

interface PendingImage {
  key: string;
  name: string;
  progress: number;
  image?: UploadedImage;
  error?: string;
  /** What the list shows: a local preview of a new file, or the stored image's address. */
  preview: string;
  local: boolean;
}

export interface ImageUploads {
  images: PendingImage[];
  uploading: boolean;
  /** The uploaded images' ids, in order: what a post's `imageIds` takes. */
  imageIds: string[];
  full: boolean;
  status: string;
  addFiles: (files: FileList | null) => void;
  remove: (key: string) => void;
  reset: () => void;
}

/** A post's images: existing ones kept or removed, new files uploaded as soon as they are chosen. */
export function useImageUploads(groupId: string, existing: { id: string; url: string; name: string }[] = []): ImageUploads {
  const initial = () =>
    existing.map((image) => ({
      key: image.id,
      name: image.name,
      progress: 1,
      image: { id: image.id, url: image.url, name: image.name, width: 0, height: 0 },
      preview: image.url,
      local: false,
    }));
  const [images, setImages] = useState<PendingImage[]>(initial);
  const [status, setStatus] = useState("");
  const kept = images.filter((image) => !image.error);

  const addFiles = (files: FileList | null) => {
    if (!files) return;
    const room = MAX_POST_IMAGES - kept.length;
    const chosen = Array.from(files).slice(0, Math.max(0, room));
    if (files.length > chosen.length) setStatus(`A post can have at most ${MAX_POST_IMAGES} images.`);
    for (const file of chosen) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      const preview = URL.createObjectURL(file);
      setImages((current) => [...current, { key, name: file.name, progress: 0, preview, local: true }]);
      const update = (change: Partial<PendingImage>) =>
        setImages((current) => current.map((image) => (image.key === key ? { ...image, ...change } : image)));
      void uploadCommunityImage(`groups/${groupId}/images`, file, (progress) => update({ progress })).then((outcome) => {
        if (outcome.ok) {
          update({ image: outcome.image, progress: 1 });
          setStatus(`${file.name} uploaded.`);
        } else update({ error: outcome.message });
      });
    }
  };
  const remove = (key: string) =>
    setImages((current) => {
      const gone = current.find((image) => image.key === key);
      if (gone?.local) URL.revokeObjectURL(gone.preview);
      return current.filter((image) => image.key !== key);
    });
  const reset = () => {
    for (const image of images) if (image.local) URL.revokeObjectURL(image.preview);
    setImages(initial());
  };
  return {
    images,
    uploading: images.some((image) => !image.image && !image.error),
    imageIds: images.flatMap((image) => (image.image ? [image.image.id] : [])),
    full: kept.length >= MAX_POST_IMAGES,
    status,
    addFiles,
    remove,
    reset,
  };
}

/** The chosen images with their upload progress, each removable. */
export function ImageUploadList({ uploads }: { uploads: ImageUploads }) {
  if (uploads.images.length === 0) return null;
  return (
    <ul className="plain-list composer-images" aria-label="Images">
      {uploads.images.map((image) => (
        <li key={image.key} className="composer-image">
          <img src={image.preview} alt="" />
          <span className="composer-image-name">{image.name}</span>
          {image.error ? (
            <span className="field-error" role="alert">
              {image.error}
            </span>
          ) : image.image ? (
            image.local && <span className="hint">Uploaded</span>
          ) : (
            <progress value={image.progress} max={1} aria-label={`Uploading ${image.name}`}>
              {Math.round(image.progress * 100)}%
            </progress>
          )}
          <button type="button" className="button-link" onClick={() => uploads.remove(image.key)}>
            Remove<span className="visually-hidden"> {image.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** "Add images": a file chooser styled as a button (PNG, JPEG, WebP; at most four per post). */
export function AddImagesButton({ uploads }: { uploads: ImageUploads }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <label className={`button button-secondary button-small composer-add-image ${uploads.full ? "composer-add-image-full" : ""}`}>
      Add images
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        multiple
        className="visually-hidden"
        disabled={uploads.full}
        onChange={(event) => {
          uploads.addFiles(event.target.files);
          if (input.current) input.current.value = "";
        }}
      />
    </label>
  );
}
