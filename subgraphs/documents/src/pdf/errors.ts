/** A PDF the product refuses to work with; the message is shown to the person who uploaded it. */
export class PdfRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PdfRejectedError";
  }
}
