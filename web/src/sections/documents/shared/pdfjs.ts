/**
 * pdf.js, loaded on demand only (dynamic import from PdfPages), so the portal's first load does
 * not carry it. The worker is a separate asset Vite emits and serves from the same origin.
 */
import {
  getDocument,
  GlobalWorkerOptions,
  InvalidPDFException,
  RenderingCancelledException,
  ResponseException,
  TextLayer,
} from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";

GlobalWorkerOptions.workerSrc = workerUrl;

export { getDocument, InvalidPDFException, RenderingCancelledException, ResponseException, TextLayer };
export type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist";
