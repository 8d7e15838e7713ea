import { PDFArray, PDFName, PDFPageLeaf, PDFPageTree, type PDFDocument } from "pdf-lib";

const KIDS = PDFName.of("Kids");

/**
 * Counts pages as pdf-lib lists them (the page tree's /Page leaves, in order) but stops as soon as
 * there are more than `limit`, returning `limit + 1`: a small file can name one page object thousands
 * of times, and building every page would take long before the file could be refused. Throws on a
 * tree that contains itself (the file is damaged).
 */
export function countPagesUpTo(pdf: PDFDocument, limit: number): number {
  const stack: PDFPageTree[] = [pdf.catalog.Pages()];
  const seenTrees = new Set<PDFPageTree>();
  let pages = 0;
  while (stack.length) {
    const tree = stack.pop()!;
    if (seenTrees.has(tree)) throw new Error("The page tree contains itself");
    seenTrees.add(tree);
    const kids = tree.lookupMaybe(KIDS, PDFArray);
    for (let index = 0; kids && index < kids.size(); index++) {
      const kid = kids.lookup(index);
      if (kid instanceof PDFPageTree) stack.push(kid);
      else if (kid instanceof PDFPageLeaf && ++pages > limit) return limit + 1;
    }
  }
  return pages;
}
