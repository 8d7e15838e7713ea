import { useEffect, useId, useRef, useState } from "react";
import SignaturePad from "signature_pad";

/** A signature as the contract's SignatureInput takes it (drawnPng: base64 PNG without a data: prefix). */
export type SignatureValue = { method: "TYPED"; typedName: string } | { method: "DRAWN"; drawnPng: string };

/** Largest drawn signature sent, in base64 characters (the server takes at most 60 kB). */
export const MAX_DRAWN_PNG_LENGTH = 58_000;
export const MAX_TYPED_NAME_LENGTH = 100;

interface SignatureInputProps {
  /** Name filled into the typed signature at first (the signer's name). */
  defaultName?: string;
  /** Called with the signature whenever it changes; null while there is none (empty name, blank pad). */
  onChange: (value: SignatureValue | null) => void;
  /** An error to show with the signature (e.g. a ValidationError on "signature"). */
  error?: string;
  /** Legend of the group. Default "Your signature". */
  legend?: string;
  disabled?: boolean;
  /** Id for the group, so other controls (e.g. a field box on the PDF) can move focus to it. */
  id?: string;
}

/**
 * Sign by typing the name (shown in a handwriting style; a plain text box, fully keyboard and
 * screen-reader operable) or by drawing with a mouse, finger or pen (with a Clear button).
 */
export function SignatureInput({ defaultName = "", onChange, error, legend = "Your signature", disabled, id }: SignatureInputProps) {
  const uid = useId();
  const [method, setMethod] = useState<"TYPED" | "DRAWN">("TYPED");
  const [typedName, setTypedName] = useState(defaultName);
  const [drawnPng, setDrawnPng] = useState<string | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const name = typedName.trim();
    if (method === "TYPED") onChangeRef.current(name ? { method: "TYPED", typedName: name } : null);
    else onChangeRef.current(drawnPng ? { method: "DRAWN", drawnPng } : null);
  }, [method, typedName, drawnPng]);

  const errorId = `${uid}-error`;
  return (
    <fieldset className="fieldset signature-input" id={id} tabIndex={-1} aria-describedby={error ? errorId : undefined} disabled={disabled}>
      <legend>{legend}</legend>
      <div className="segmented" role="radiogroup" aria-label="How to sign">
        <label className={`segmented-option ${method === "TYPED" ? "selected" : ""}`}>
          <input type="radio" name={`${uid}-method`} value="TYPED" checked={method === "TYPED"} onChange={() => setMethod("TYPED")} />
          Type
        </label>
        <label className={`segmented-option ${method === "DRAWN" ? "selected" : ""}`}>
          <input type="radio" name={`${uid}-method`} value="DRAWN" checked={method === "DRAWN"} onChange={() => setMethod("DRAWN")} />
          Draw
        </label>
      </div>
      {method === "TYPED" ? (
        <div className="field">
          <label htmlFor={`${uid}-typed`}>Type your full name</label>
          <input
            id={`${uid}-typed`}
            type="text"
            autoComplete="name"
            maxLength={MAX_TYPED_NAME_LENGTH}
            value={typedName}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${uid}-typed-hint`}
            onChange={(event) => setTypedName(event.target.value)}
          />
          <p id={`${uid}-typed-hint`} className="hint">
            Your typed name is your signature.
          </p>
          <p className="typed-signature-preview" aria-hidden="true" data-testid="typed-signature-preview">
            {typedName.trim() || "\u00a0"}
          </p>
        </div>
      ) : (
        <SignatureCanvas uid={uid} onChange={setDrawnPng} invalid={Boolean(error)} />
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function SignatureCanvas({ uid, onChange, invalid }: { uid: string; onChange: (png: string | null) => void; invalid: boolean }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const [tooLarge, setTooLarge] = useState(false);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: "#14213d", minWidth: 0.8, maxWidth: 2.6 });
    padRef.current = pad;
    const fit = () => {
      // Canvas pixels follow its CSS size and the screen's density; strokes are kept across resizes.
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const data = pad.toData();
      canvas.width = Math.floor(canvas.offsetWidth * ratio);
      canvas.height = Math.floor(canvas.offsetHeight * ratio);
      canvas.getContext("2d")?.scale(ratio, ratio);
      pad.clear();
      pad.fromData(data);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    const onEnd = () => {
      const png = exportSignature(pad, canvas);
      setEmpty(pad.isEmpty());
      setTooLarge(png === "too-large");
      onChange(png && png !== "too-large" ? png : null);
    };
    pad.addEventListener("endStroke", onEnd);
    return () => {
      observer.disconnect();
      pad.removeEventListener("endStroke", onEnd);
      pad.off();
      padRef.current = null;
      onChange(null);
    };
    // onChange is the parent's state setter, the same for the component's whole life.
  }, []);

  const clear = () => {
    padRef.current?.clear();
    setEmpty(true);
    setTooLarge(false);
    onChange(null);
  };

  return (
    <div className="field">
      <p className="label-text" id={`${uid}-draw-label`}>
        Draw your signature
      </p>
      <p className="hint" id={`${uid}-draw-hint`}>
        Use your mouse, finger or stylus in the box below. Prefer the keyboard? Choose “Type” above.
      </p>
      <div className={`signature-pad ${invalid ? "signature-pad-invalid" : ""}`}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-labelledby={`${uid}-draw-label`}
          aria-describedby={`${uid}-draw-hint`}
          data-testid="signature-canvas"
        />
        {empty && (
          <span className="signature-pad-placeholder" aria-hidden="true">
            Sign here
          </span>
        )}
      </div>
      <div className="actions signature-pad-actions">
        <button type="button" className="button button-secondary button-small" onClick={clear} disabled={empty}>
          Clear signature
        </button>
        <span className="hint" role="status">
          {empty ? "Nothing drawn yet." : "Signature drawn."}
        </span>
      </div>
      {tooLarge && (
        <p className="field-error" role="alert">
          This drawing is too detailed to send. Clear it and sign again more simply.
        </p>
      )}
    </div>
  );
}

/**
 * The drawing cropped to its strokes, scaled down to at most 600×200 and encoded as PNG (base64,
 * no data: prefix), shrunk further until it fits the size limit. null when nothing is drawn.
 */
function exportSignature(pad: SignaturePad, canvas: HTMLCanvasElement): string | null | "too-large" {
  if (pad.isEmpty()) return null;
  const ratio = canvas.width / (canvas.offsetWidth || canvas.width);
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const group of pad.toData()) {
    for (const point of group.points) {
      minX = Math.min(minX, point.x);
      minY = Math.min(minY, point.y);
      maxX = Math.max(maxX, point.x);
      maxY = Math.max(maxY, point.y);
    }
  }
  const margin = 6;
  const sx = Math.max(0, (minX - margin) * ratio);
  const sy = Math.max(0, (minY - margin) * ratio);
  const sw = Math.min(canvas.width - sx, (maxX - minX + margin * 2) * ratio);
  const sh = Math.min(canvas.height - sy, (maxY - minY + margin * 2) * ratio);
  if (!(sw > 0 && sh > 0)) return null;
  let scale = Math.min(1, 600 / sw, 200 / sh);
  for (let attempt = 0; attempt < 6; attempt++) {
    const out = document.createElement("canvas");
    out.width = Math.max(1, Math.round(sw * scale));
    out.height = Math.max(1, Math.round(sh * scale));
    const context = out.getContext("2d");
    if (!context) return null;
    context.imageSmoothingQuality = "high";
    context.drawImage(canvas, sx, sy, sw, sh, 0, 0, out.width, out.height);
    const base64 = out.toDataURL("image/png").replace(/^data:image\/png;base64,/, "");
    if (base64.length <= MAX_DRAWN_PNG_LENGTH) return base64;
    scale *= 0.7;
  }
  return "too-large";
}

/** "Ada Lovelace" → "AL"; at most three letters. */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => Array.from(part)[0]!.toUpperCase())
    .slice(0, 3)
    .join("");
}
