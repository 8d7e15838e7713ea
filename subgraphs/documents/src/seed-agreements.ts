import type { AgreementContent, AgreementParty } from "./seed-agreement-pdf.js";

/** The demo's two documents: what they say and who signs them. */

export interface DemoNames {
  businessName: string;
  clientName: string;
  /** The day the demo is created, e.g. "3 December 2026". */
  effective: string;
}

export interface DemoDocument {
  /** The title is how the demo recognises its documents on the next start. */
  title: string;
  fileName: string;
  /** Signed by everyone (completed) by the demo, or left waiting for the client. */
  complete: boolean;
  /** Signing order: the client first, then (when present) the business's owner. */
  signers: AgreementParty[];
  message: (names: DemoNames) => string;
  content: (names: DemoNames) => Omit<AgreementContent, "signers">;
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;

export const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    title: "Brand identity project agreement",
    fileName: "Brand identity project agreement.pdf",
    complete: true,
    signers: ["client", "business"],
    message: ({ clientName }) =>
      `Hi ${firstName(clientName)}, here is the agreement for your brand identity project, as discussed. Sign whenever you are ready.`,
    content: ({ businessName, clientName, effective }) => ({
      title: "Brand identity project agreement",
      businessName,
      dateLine: `Effective ${effective}`,
      intro: `This agreement is made between ${businessName} (“the Studio”) and ${clientName} (“the Client”). It sets out the brand identity work the Studio will do for the Client, when, and on what terms.`,
      sections: [
        {
          heading: "Scope of work",
          paragraphs: [
            "The Studio will deliver:",
            "- a brand discovery workshop (half day) and a summary of its findings;",
            "- three logo concepts, one of which is refined through up to two rounds of revisions;",
            "- a colour palette and type system, with primary and secondary uses;",
            "- brand guidelines as a 24-page PDF, and business card artwork ready for print.",
          ],
        },
        {
          heading: "Timeline",
          paragraphs: [
            "Work begins within five working days of signature. The Studio presents the logo concepts in week three and delivers the final files in week six. Dates move by the time the Client takes to give feedback beyond three working days.",
          ],
        },
        {
          heading: "Fees and payment",
          paragraphs: [
            `The project fee is USD 2,780 before tax, invoiced in two parts: the discovery phase on signature and the design phase on presentation of the concepts. Invoices are sent through the ${businessName} client portal and are payable within 14 days.`,
          ],
        },
        {
          heading: "Revisions and changes",
          paragraphs: [
            "Two rounds of revisions are included. Further rounds, or work outside the scope above, are quoted in writing before they start.",
          ],
        },
        {
          heading: "Ownership",
          paragraphs: [
            "On payment in full, the Client owns the final logo, palette and guidelines. The Studio may show the work in its portfolio unless the Client asks it not to. Concepts not chosen remain the Studio's.",
          ],
        },
        {
          heading: "Confidentiality",
          paragraphs: ["Each party keeps the other's non-public business information confidential and uses it only for this project."],
        },
        {
          heading: "Ending the agreement",
          paragraphs: [
            "Either party may end this agreement with 14 days' written notice. The Client then pays for the work done up to that date, and receives the files produced so far.",
          ],
        },
      ],
    }),
  },
  {
    title: "Photo and testimonial release",
    fileName: "Photo and testimonial release.pdf",
    complete: false,
    signers: ["client"],
    message: ({ clientName }) =>
      `Hi ${firstName(clientName)}, may we feature your project in our portfolio? This short release covers it. Thank you!`,
    content: ({ businessName, clientName, effective }) => ({
      title: "Photo and testimonial release",
      businessName,
      dateLine: `Prepared ${effective}`,
      intro: `${clientName} (“the Client”) allows ${businessName} (“the Studio”) to use the material described below to present the Client's project.`,
      sections: [
        {
          heading: "What may be used",
          paragraphs: [
            "- photographs of the finished brand materials, including the Client's logo and products;",
            "- a short testimonial in the Client's words, which the Studio will not change without asking;",
            "- the Client's first name and business name next to the work.",
          ],
        },
        {
          heading: "Where it may appear",
          paragraphs: [`The Studio's website, portfolio, social media and proposals to prospective clients of ${businessName}.`],
        },
        {
          heading: "Withdrawing",
          paragraphs: [
            "The Client may withdraw this release at any time by writing to the Studio; material already printed may remain in circulation.",
          ],
        },
      ],
    }),
  },
];
