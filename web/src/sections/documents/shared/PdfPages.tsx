import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from "react";
import { Loading } from "../../../shared/QueryState";

/** One rendered page as callers see it: its 1-based number and its size on screen in CSS pixels. */
export interface PdfPageGeometry {
  number: number;
  /** Width of the page on screen, CSS pixels. */
  width: number;
  /** Height of the page on screen, CSS pixels. */
  height: number;
  /** CSS pixels per PDF point (72 per inch). */
  scale: number;
}

/** A page's own size in PDF points, as read from the file. */
export interface PdfPageSize {
  number: number;
  width: number;
  height: number;
}

export interface PdfPagesProps {
  /** Same-origin URL of the PDF (the session cookie goes with the request). */
  url: string;
  /** Accessible name of the whole document region, e.g. the document's title. */
  label?: string;
  /**
   * Drawn over each page, inside a box exactly the page's size (position: relative), so children
   * can be placed with `position: absolute` and the contract's fractional coordinates
   * (`left: x * 100%`, or `x * page.width` pixels). The overlay box itself lets clicks through to
   * the page's text; give interactive children `pointer-events: auto` (the .pdf-overlay-item class
   * does).
   */
  overlay?: (page: PdfPageGeometry) => ReactNode;
  /** Pages are as wide as the container, up to this many CSS pixels. Default 900. */
  maxPageWidth?: number;
  /** Called once the file is read, with each page's size in PDF points. */
  onLoad?: (pages: PdfPageSize[]) => void;
  className?: string;
}

type LoadState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; doc: import("./pdfjs").PDFDocumentProxy; pages: PdfPageSize[] };

/**
 * A PDF shown page by page: one canvas per page, as wide as the container (re-rendered sharply
 * when that changes), each page drawn only when it scrolls near the screen. A transparent text
 * layer keeps the page's words selectable and readable by screen readers. pdf.js itself is
 * fetched the first time a PDF is shown.
 */
export function PdfPages({ url, label = "Document", overlay, maxPageWidth = 900, onLoad, className }: PdfPagesProps) {
  const [state, setState] = useState<LoadState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const onLoadRef = useRef(onLoad);
  onLoadRef.current = onLoad;

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | undefined;
    setState({ status: "loading" });
    void (async () => {
      try {
        const pdfjs = await import("./pdfjs");
        if (cancelled) return;
        const task = pdfjs.getDocument({ url, withCredentials: true, isEvalSupported: false });
        destroy = () => void task.destroy();
        const doc = await task.promise;
        const pages = await Promise.all(
          Array.from({ length: doc.numPages }, async (_, index) => {
            const page = await doc.getPage(index + 1);
            const viewport = page.getViewport({ scale: 1 });
            return { number: index + 1, width: viewport.width, height: viewport.height };
          }),
        );
        if (cancelled) return;
        setState({ status: "ready", doc, pages });
        onLoadRef.current?.(pages);
      } catch (error) {
        if (!cancelled) setState({ status: "error", message: await describePdfError(error) });
      }
    })();
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [url, attempt]);

  const [containerWidth, ref] = useElementWidth();
  const pageWidth = Math.max(0, Math.min(containerWidth, maxPageWidth));

  return (
    <section
      ref={ref}
      className={`pdf-pages ${className ?? ""}`}
      aria-label={label}
      aria-busy={state.status === "loading"}
      data-testid="pdf-pages"
    >
      {state.status === "loading" && <Loading label="Loading the document…" />}
      {state.status === "error" && (
        <div className="alert alert-error" role="alert">
          <p>{state.message}</p>
          <button type="button" className="button button-secondary" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
      {state.status === "ready" &&
        pageWidth > 0 &&
        state.pages.map((page) => (
          <PdfPage key={page.number} doc={state.doc} size={page} pageCount={state.pages.length} width={pageWidth} overlay={overlay} />
        ))}
    </section>
  );
}

async function describePdfError(error: unknown): Promise<string> {
  const pdfjs = await import("./pdfjs").catch(() => null);
  if (!pdfjs) return "The document viewer could not be loaded. Check your connection and try again.";
  if (error instanceof pdfjs.ResponseException) {
    if (error.status === 404) return "The PDF was not found.";
    if (error.status === 401 || error.status === 403) return "You do not have access to this PDF.";
    return `The PDF could not be loaded (HTTP ${error.status}). Please try again.`;
  }
  if (error instanceof pdfjs.InvalidPDFException) return "This file is not a readable PDF.";
  return "The PDF could not be loaded. Check your connection and try again.";
}

interface PdfPageProps {
  doc: import("./pdfjs").PDFDocumentProxy;
  size: PdfPageSize;
  pageCount: number;
  width: number;
  overlay?: (page: PdfPageGeometry) => ReactNode;
}

function PdfPage({ doc, size, pageCount, width, overlay }: PdfPageProps) {
  const scale = width / size.width;
  const height = size.height * scale;
  const pageRef = useRef<HTMLDivElement>(null);
  const canvasHost = useRef<HTMLDivElement>(null);
  const textHost = useRef<HTMLDivElement>(null);
  const near = useNearScreen(pageRef);
  const [failed, setFailed] = useState(false);
  // The canvas is redrawn for a new width only once resizing settles; meanwhile CSS stretches it.
  const renderWidth = useSettled(width, 150);

  useEffect(() => {
    if (!near || renderWidth <= 0) return;
    let cancelled = false;
    let cancelTask: (() => void) | undefined;
    void (async () => {
      try {
        const pdfjs = await import("./pdfjs");
        const page = await doc.getPage(size.number);
        if (cancelled) return;
        const viewport = page.getViewport({ scale: renderWidth / size.width });
        const ratio = window.devicePixelRatio || 1;
        // A fresh canvas per drawing: the previous one stays on screen until this one is ready.
        const canvas = document.createElement("canvas");
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.className = "pdf-canvas";
        canvas.setAttribute("aria-hidden", "true");
        const task = page.render({
          canvas,
          viewport,
          transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
        });
        cancelTask = () => task.cancel();
        await task.promise;
        if (cancelled) return;
        canvasHost.current?.replaceChildren(canvas);
        setFailed(false);

        const host = textHost.current;
        if (host) {
          const layer = document.createElement("div");
          layer.className = "textLayer";
          const text = new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: layer, viewport });
          cancelTask = () => text.cancel();
          await text.render();
          if (!cancelled) host.replaceChildren(layer);
        }
      } catch (error) {
        const pdfjs = await import("./pdfjs");
        if (!cancelled && !(error instanceof pdfjs.RenderingCancelledException) && !isAbort(error)) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      cancelTask?.();
    };
  }, [doc, size.number, size.width, near, renderWidth]);

  const geometry: PdfPageGeometry = { number: size.number, width, height, scale };
  const style = {
    width: `${width}px`,
    height: `${height}px`,
    "--scale-factor": scale,
    "--total-scale-factor": scale,
    "--scale-round-x": "1px",
    "--scale-round-y": "1px",
  } as CSSProperties;
  return (
    <div
      ref={pageRef}
      className="pdf-page"
      style={style}
      role="group"
      aria-label={`Page ${size.number} of ${pageCount}`}
      data-page-number={size.number}
    >
      <div ref={canvasHost} className="pdf-canvas-host" />
      <div ref={textHost} className="pdf-text-host" />
      {failed && (
        <p className="pdf-page-error" role="alert">
          Page {size.number} could not be shown.
        </p>
      )}
      {overlay && <div className="pdf-page-overlay">{overlay(geometry)}</div>}
    </div>
  );
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortException" || error.name === "AbortError");
}

/** The element's content width in CSS pixels, kept current with a ResizeObserver. */
function useElementWidth(): [number, (element: HTMLElement | null) => void] {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element) return;
    setWidth(Math.floor(element.clientWidth));
    observer.current = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.current.observe(element);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return [width, ref];
}

/** True once the element comes within a screen or so of the viewport (and stays true). */
function useNearScreen(ref: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || near) return;
    if (typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, near]);
  return near;
}

/** The value once it has stopped changing for `delay` ms (the first value at once). */
function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = window.setTimeout(() => setSettled(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, settled, delay]);
  return settled;
}
